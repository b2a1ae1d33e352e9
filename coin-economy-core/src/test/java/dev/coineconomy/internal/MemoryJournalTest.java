package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.stream.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed journal of the in-memory store: a gift receipt packed into the arena reads back equal, whatever
 * its request id (non-ASCII, surrogate pairs, colliding hashes), instant, amounts, context and stream; other
 * receipts read back as kept; the request index finds exactly the ids appended.
 */
class MemoryJournalTest {

    private static final UserId SENDER = UserId.of("sender");
    private static final UserId CREATOR = UserId.of("créateur-\uD83D\uDE00");

    private static List<Posting> postings(UserId sender, UserId creator, long coinsSpent, long diamondsCredited) {
        long coins = Math.max(1, coinsSpent); // a posting is never zero; the receipt may say 0
        long diamonds = Math.max(1, diamondsCredited);
        return List.of(
                new Posting(AccountRef.user(AccountType.USER_COINS, sender), Unit.COINS, -coins),
                new Posting(AccountRef.platform(AccountType.COINS_SPENT), Unit.COINS, coins),
                new Posting(AccountRef.platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS, -diamonds),
                new Posting(AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS, diamonds));
    }

    private static GiftReceipt gift(String id, long sequence, Instant instant, long quantity, long coins,
                                    long diamonds, GiftContext context, StreamId stream) {
        return new GiftReceipt(RequestId.of(id), sequence, instant, SENDER, CREATOR, "rose-" + quantity % 3,
                quantity, Coins.of(coins), Diamonds.of(diamonds), "catalog-" + quantity % 2, "policy-1",
                context, stream);
    }

    @Test
    void giftReceiptsReadBackEqualAndTheIndexFindsThem() {
        MemoryJournal journal = new MemoryJournal();
        List<JournalEntry> appended = new ArrayList<>();
        String[] ids = {
            "g-1", "Aa", "BB", // "Aa" and "BB" share String.hashCode: the index must compare the bytes
            "AaAa", "BBBB", "AaBB", "BBAa",
            "ünïcødé-€", "\uD83D\uDE00-emoji", "日本語-\uD801\uDC37", "x".repeat(Identifiers.MAX_LENGTH),
        };
        Instant[] instants = {
            Instant.EPOCH, Instant.parse("2026-11-25T18:42:49.123456789Z"), Instant.ofEpochSecond(-1, 999_999_999),
            Instant.MIN, Instant.MAX, Instant.parse("2026-11-25T18:42:49.123456Z"),
            Instant.parse("1969-07-20T20:17:40.001Z"),
        };
        GiftContext[] contexts = GiftContext.values();
        for (int k = 0; k < ids.length; k++) {
            long coins = k == 3 ? Long.MAX_VALUE : k * 1_000L;
            long diamonds = k == 4 ? Long.MAX_VALUE : k * 500L;
            StreamId stream = k % 3 == 0 ? null : StreamId.of("stream-" + k % 2);
            GiftReceipt r = gift(ids[k], k + 1L, instants[k % instants.length], k == 5 ? Long.MAX_VALUE : k + 1L,
                    coins, diamonds, contexts[k % contexts.length], stream);
            JournalEntry e = new JournalEntry(r, postings(SENDER, CREATOR, coins, diamonds));
            journal.add(e);
            appended.add(e);
        }
        assertEquals(ids.length, journal.size());
        for (int i = 0; i < ids.length; i++) {
            JournalEntry e = appended.get(i);
            assertEquals(e, journal.entry(i));
            assertEquals(e.receipt(), journal.receipt(i));
            assertEquals(e.postings(), journal.postings(i));
            assertEquals(i, journal.find(RequestId.of(ids[i])));
            assertTrue(journal.mightContain(RequestId.of(ids[i])));
            GiftReceipt read = (GiftReceipt) journal.receipt(i);
            assertSame(SENDER, read.sender());
            assertSame(CREATOR, read.creator());
        }
        assertEquals(-1, journal.find(RequestId.of("AaBb")));
        assertEquals(-1, journal.find(RequestId.of("BBBb")));
        assertEquals(-1, journal.find(RequestId.of("g-2")));
    }

    @Test
    void otherReceiptsAndOutOfSequenceGiftsAreKeptAsObjects() {
        MemoryJournal journal = new MemoryJournal();
        Receipt grant = new GrantReceipt(RequestId.of("grant"), 1, Instant.EPOCH, SENDER, Coins.of(5), "welcome",
                "c", "p");
        JournalEntry first = new JournalEntry(grant, List.of(
                new Posting(AccountRef.user(AccountType.USER_COINS, SENDER), Unit.COINS, 5),
                new Posting(AccountRef.platform(AccountType.PROMOTIONAL_COINS), Unit.COINS, -5)));
        journal.add(first);
        // a gift whose sequence is not its position cannot be rebuilt from the position: kept as it is
        GiftReceipt odd = gift("odd", 7, Instant.EPOCH, 1, 5, 2, GiftContext.LIVE, null);
        JournalEntry second = new JournalEntry(odd, postings(SENDER, CREATOR, 5, 2));
        journal.add(second);
        assertSame(grant, journal.receipt(0));
        assertSame(odd, journal.receipt(1));
        assertEquals(first, journal.entry(0));
        assertEquals(second, journal.entry(1));
        assertEquals(0, journal.find(RequestId.of("grant")));
        assertEquals(1, journal.find(RequestId.of("odd")));
    }

    @Test
    void randomGiftsRoundTripAcrossArenaChunksAndIndexGrowth() {
        UserId[] users = new UserId[50];
        for (int u = 0; u < users.length; u++) {
            users[u] = UserId.of("user-" + u);
        }
        // the journal keeps the instances the canonicaliser gives it, not the appended ones
        MemoryJournal journal = new MemoryJournal(u -> users[Integer.parseInt(u.value().substring(5))]);
        SplittableRandom random = new SplittableRandom(42);
        int n = 60_000;
        List<JournalEntry> appended = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UserId sender = UserId.of(users[random.nextInt(users.length)].value());
            UserId creator = UserId.of(users[random.nextInt(users.length)].value());
            long coins = random.nextInt(4) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextInt(100_000);
            long diamonds = coins / 2;
            StringBuilder id = new StringBuilder("r");
            for (int c = random.nextInt(1, 40); c > 0; c--) {
                id.appendCodePoint(random.nextInt(8) == 0 ? random.nextInt(0x1F600, 0x1F650)
                        : random.nextInt(0x21, 0x7F));
            }
            id.append('-').append(i);
            int nanos = random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40),
                    random.nextBoolean() ? nanos : nanos / 1000 * 1000); // clocks of nano and micro ticks
            StreamId stream = random.nextBoolean() ? null : StreamId.of("s" + random.nextInt(300));
            GiftReceipt r = new GiftReceipt(RequestId.of(id.toString()), i + 1L, instant, sender, creator,
                    "gift-" + random.nextInt(40), random.nextLong(1, Long.MAX_VALUE), Coins.of(coins),
                    Diamonds.of(diamonds), "catalog-" + random.nextInt(3), "policy-" + random.nextInt(3),
                    GiftContext.values()[random.nextInt(GiftContext.values().length)], stream);
            JournalEntry e = new JournalEntry(r, postings(sender, creator, coins, diamonds));
            assertEquals(-1, journal.find(r.requestId()));
            journal.add(e);
            appended.add(e);
        }
        for (int i = 0; i < n; i++) {
            JournalEntry e = appended.get(i);
            JournalEntry read = journal.entry(i);
            assertEquals(e, read);
            assertEquals(i, journal.find(RequestId.of(e.requestId().value())));
            GiftReceipt g = (GiftReceipt) read.receipt();
            assertSame(users[Integer.parseInt(g.sender().value().substring(5))], g.sender());
            assertNotSame(((GiftReceipt) e.receipt()).sender(), g.sender());
        }
        assertFalse(journal.mightContain(RequestId.of("never-appended")) && journal.find(
                RequestId.of("never-appended")) >= 0);
    }
}
