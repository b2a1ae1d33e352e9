package dev.coineconomy.stream;

import dev.coineconomy.Channel;
import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.internal.StreamTally;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A stream's summary and top-N leaderboard, kept gift by gift in O(log n), always equal a brute-force
 * computation from the list of gifts (and, fed by a real economy, from its journal): totals, gifts by id,
 * distinct gifters, and the ranking by coins with ties to whoever reached the amount first.
 */
class LeaderboardProperties {

    private static final long SEED = 0x57AE_A11L;
    private static final StreamId STREAM = StreamId.of("stream-1");
    private static final UserId CREATOR = UserId.of("creator");
    private static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");
    /** Few prices and small quantities, so equal totals (ties) are frequent. */
    private static final List<Long> PRICES = List.of(1L, 2L, 5L, 10L);

    /** A generated gift: sender index, gift index, quantity, diamonds. */
    record G(int sender, int gift, long quantity, long diamonds) {
        long coins() {
            return quantity * PRICES.get(gift);
        }

        String giftId() {
            return "gift-" + PRICES.get(gift);
        }

        UserId user() {
            return UserId.of("viewer-" + sender);
        }
    }

    static Gen<G> gifts(int senders) {
        return integers().between(0, senders - 1).zip(integers().between(0, PRICES.size() - 1),
                integers().between(1, 4), integers().between(0, 50),
                (s, g, q, d) -> new G(s, g, q, d));
    }

    /** A fed gift, with the sequence and instant it was journalled at. */
    record Fed(long sequence, Instant instant, UserId sender, String giftId, long quantity, long coins,
               long diamonds) {
    }

    // ---- brute force -----------------------------------------------------------------------------

    /** The summary recomputed from scratch: replays the gifts in sequence order. */
    static StreamSummary bruteForce(List<Fed> gifts, int topN) {
        List<Fed> inOrder = new ArrayList<>(gifts);
        inOrder.sort(Comparator.comparingLong(Fed::sequence));
        long coins = 0;
        long diamonds = 0;
        long quantity = 0;
        Map<String, Long> byGift = new TreeMap<>();
        Map<UserId, long[]> totals = new LinkedHashMap<>(); // {coins, reachedSequence}
        Map<UserId, Instant> reachedAt = new HashMap<>();
        for (Fed f : inOrder) {
            coins += f.coins();
            diamonds += f.diamonds();
            quantity += f.quantity();
            byGift.merge(f.giftId(), f.quantity(), Long::sum);
            long[] t = totals.computeIfAbsent(f.sender(), u -> new long[2]);
            t[0] += f.coins();
            t[1] = f.sequence(); // this gift brought them to their new total
            reachedAt.put(f.sender(), f.instant());
        }
        List<UserId> ranked = new ArrayList<>(totals.keySet());
        ranked.sort((a, b) -> {
            long[] x = totals.get(a);
            long[] y = totals.get(b);
            if (x[0] != y[0]) {
                return x[0] > y[0] ? -1 : 1; // more coins first
            }
            if (x[1] != y[1]) {
                return x[1] < y[1] ? -1 : 1; // reached the amount first
            }
            return a.value().compareTo(b.value());
        });
        List<GifterRank> top = new ArrayList<>();
        for (int i = 0; i < Math.min(topN, ranked.size()); i++) {
            UserId u = ranked.get(i);
            top.add(new GifterRank(i + 1, u, Coins.of(totals.get(u)[0]), totals.get(u)[1], reachedAt.get(u)));
        }
        return new StreamSummary(STREAM, CREATOR, T0, null, Coins.of(coins), Diamonds.of(diamonds),
                inOrder.size(), quantity, byGift, totals.size(), top);
    }

    static List<Fed> number(List<G> gifts) {
        List<Fed> out = new ArrayList<>();
        long seq = 1;
        for (G g : gifts) {
            seq += 1 + (g.diamonds() % 3); // other commands interleave in the journal
            out.add(new Fed(seq, T0.plusSeconds(seq), g.user(), g.giftId(), g.quantity(), g.coins(), g.diamonds()));
        }
        return out;
    }

    static void feed(StreamTally tally, Fed f) {
        tally.onGift(f.sequence(), f.instant(), f.sender(), f.giftId(), f.quantity(), f.coins(), f.diamonds());
    }

    // ---- properties ------------------------------------------------------------------------------

    @Test
    void summaryAfterEveryGiftEqualsBruteForce() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(integers().between(1, 12).flatMap(n -> lists().of(gifts(n)).ofSizeBetween(0, 60)),
                        integers().between(0, 15))
                .check((gifts, topN) -> {
                    List<Fed> fed = number(gifts);
                    StreamTally tally = new StreamTally(STREAM, CREATOR, T0);
                    assertEquals(bruteForce(List.of(), topN), tally.summary(topN));
                    for (int i = 0; i < fed.size(); i++) {
                        feed(tally, fed.get(i));
                        assertEquals(bruteForce(fed.subList(0, i + 1), topN), tally.summary(topN),
                                () -> "after " + fed);
                    }
                    StreamSummary full = tally.summary(Integer.MAX_VALUE);
                    assertEquals(full.distinctGifters(), full.leaderboard().size());
                    assertEquals(full.coins().amount(),
                            full.leaderboard().stream().mapToLong(r -> r.coins().amount()).sum());
                    assertEquals(full.giftQuantity(), full.giftsById().values().stream().mapToLong(Long::longValue).sum());
                    return true;
                });
    }

    /** Concurrent commits may report their gifts in any order: the result is the journal-order replay. */
    @Test
    void orderOfReportingDoesNotMatter() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(integers().between(1, 8).flatMap(n -> lists().of(gifts(n)).ofSizeBetween(1, 60)),
                        integers().between(0, 10), Generate.longRange(0, Long.MAX_VALUE))
                .check((gifts, topN, shuffleSeed) -> {
                    List<Fed> fed = number(gifts);
                    List<Fed> shuffled = new ArrayList<>(fed);
                    Collections.shuffle(shuffled, new Random(shuffleSeed));
                    StreamTally tally = new StreamTally(STREAM, CREATOR, T0);
                    shuffled.forEach(f -> feed(tally, f));
                    assertEquals(bruteForce(fed, topN), tally.summary(topN), () -> "reported as " + shuffled);
                    return true;
                });
    }

    /** The hand-made tie: equal totals rank by who reached the amount first, not by who gave first. */
    @Test
    void tieGoesToWhoeverReachedTheAmountFirst() {
        StreamTally tally = new StreamTally(STREAM, CREATOR, T0);
        UserId ann = UserId.of("ann");
        UserId bob = UserId.of("bob");
        UserId cat = UserId.of("cat");
        tally.onGift(1, T0.plusSeconds(1), ann, "rose", 5, 5, 5);   // ann 5, first to give
        tally.onGift(2, T0.plusSeconds(2), bob, "rose", 10, 10, 10); // bob 10
        tally.onGift(3, T0.plusSeconds(3), cat, "rose", 10, 10, 10); // cat 10, after bob
        tally.onGift(4, T0.plusSeconds(4), ann, "gg", 5, 5, 5);     // ann reaches 10 last
        List<GifterRank> top = tally.summary(3).leaderboard();
        assertEquals(List.of(new GifterRank(1, bob, Coins.of(10), 2, T0.plusSeconds(2)),
                new GifterRank(2, cat, Coins.of(10), 3, T0.plusSeconds(3)),
                new GifterRank(3, ann, Coins.of(10), 4, T0.plusSeconds(4))), top);
        tally.onGift(5, T0.plusSeconds(5), bob, "gg", 1, 1, 1);     // bob 11 takes the lead alone
        tally.onGift(6, T0.plusSeconds(6), cat, "gg", 1, 1, 1);     // cat 11, reached after bob
        assertEquals(List.of(bob, cat, ann),
                tally.summary(5).leaderboard().stream().map(GifterRank::user).toList());
        StreamSummary s = tally.summary(1);
        assertEquals(1, s.leaderboard().size());
        assertEquals(Coins.of(32), s.coins());
        assertEquals(6, s.giftEntries());
        assertEquals(32, s.giftQuantity());
        assertEquals(3, s.distinctGifters());
        assertEquals(List.of("gg", "rose"), List.copyOf(s.giftsById().keySet()));
        assertEquals(Map.of("gg", 7L, "rose", 25L), s.giftsById());
        assertTrue(s.live());
        assertNull(s.endedAt());
    }

    // ---- against a real journal ------------------------------------------------------------------

    private static final Region US = Region.of("US");

    static Catalog catalog() {
        Catalog.Builder b = Catalog.builder().version("leaderboard-catalog")
                .pack(CoinPack.builder("pack-huge", 1_000_000_000L).price(US, Channel.APP, Money.of("USD", "9999.99"))
                        .build());
        for (long p : PRICES) {
            b.gift("gift-" + p, "Gift " + p, p);
        }
        return b.build();
    }

    /** A clock that moves one second per reading. */
    static final class TickingClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }

    /**
     * Gifts sent through a real economy, some in the stream and some not (and to another creator), are
     * fed to the tally from their receipts as the facade will; the summary equals a brute-force pass
     * over the economy's journal.
     */
    @Test
    void tallyFedByAnEconomyMatchesItsJournal() {
        qt().withFixedSeed(SEED).withExamples(60)
                .forAll(integers().between(1, 10).flatMap(n -> lists().of(gifts(n)).ofSizeBetween(1, 50)),
                        integers().between(0, 12))
                .check((gifts, topN) -> {
                    CoinEconomy economy = CoinEconomy.builder().catalog(catalog())
                            .policy(EconomyPolicy.reference().withDiamondsPerCoin(Ratio.of(2, 3)))
                            .clock(new TickingClock()).build();
                    UserId other = UserId.of("other-creator");
                    StreamTally tally = new StreamTally(STREAM, CREATOR, T0);
                    Map<Long, Boolean> inStream = new HashMap<>();
                    int n = 0;
                    for (G g : gifts) {
                        economy.purchase(RequestId.of("p-" + n), g.user(), "pack-huge", US);
                        boolean attached = g.diamonds() % 4 != 0; // some gifts name no stream
                        UserId to = g.diamonds() % 7 == 0 ? other : CREATOR;
                        GiftReceipt r = economy.sendGift(RequestId.of("g-" + n), g.user(), to, g.giftId(),
                                g.quantity());
                        n++;
                        if (attached && to.equals(CREATOR)) {
                            tally.onGift(r); // what the facade does after the commit
                            inStream.put(r.sequence(), true);
                        }
                    }
                    List<Fed> fromJournal = new ArrayList<>();
                    for (JournalEntry e : economy.journal(1, Integer.MAX_VALUE)) {
                        if (e.receipt() instanceof GiftReceipt r && inStream.containsKey(r.sequence())) {
                            fromJournal.add(new Fed(r.sequence(), r.instant(), r.sender(), r.giftId(),
                                    r.quantity(), r.coinsSpent().amount(), r.diamondsCredited().amount()));
                        }
                    }
                    assertEquals(inStream.size(), fromJournal.size());
                    assertEquals(bruteForce(fromJournal, topN), tally.summary(topN),
                            () -> String.format(Locale.ROOT, "%d gifts, top %d", gifts.size(), topN));
                    return true;
                });
    }
}
