package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.stream.EngagementReport;
import dev.coineconomy.stream.GiftTotal;
import dev.coineconomy.stream.GifterRank;
import dev.coineconomy.stream.NotLiveReason;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.stream.StreamSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.coineconomy.WiringSupport.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live streams through the facade: gifts sent with {@code sendGift(id, sender, streamId, …)} are journalled
 * with the stream id and counted in the stream's running summary, which must always equal a brute-force
 * computation from the journal's gift entries naming that stream (also under 8 concurrent threads and with
 * retries). Ended, duplicate and unknown streams are rejected without changing anything; the creator's
 * engagement report equals a brute force over the journal.
 */
class StreamWiringTest {

    private static final Region US = Region.of("US");
    private static final List<String> GIFTS = List.of("rose", "finger-heart", "rosa", "perfume", "doughnut",
            "paper-crane", "hand-hearts", "confetti");

    private final MutableClock clock = new MutableClock("2026-11-25T20:00:00Z");
    private final UserId creator = UserId.of("creator");
    private final UserId other = UserId.of("other-creator");

    private CoinEconomy economy(Ratio ratio) {
        return CoinEconomy.builder().catalog(Catalog.reference())
                .policy(EconomyPolicy.reference().withDiamondsPerCoin(ratio)).clock(clock).build();
    }

    private static List<UserId> viewers(CoinEconomy e, int n, int packs) {
        List<UserId> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UserId v = UserId.of("viewer-" + i);
            for (int p = 0; p < packs; p++) {
                e.purchase(RequestId.of("fund-" + i + "-" + p), v, "coins-11000", US);
            }
            out.add(v);
        }
        return out;
    }

    // ---- brute force -----------------------------------------------------------------------------

    private static List<GiftReceipt> giftsIn(CoinEconomy e, StreamId stream) {
        List<GiftReceipt> out = new ArrayList<>();
        for (JournalEntry entry : e.journal(1, Integer.MAX_VALUE)) {
            if (entry.receipt() instanceof GiftReceipt g && stream.equals(g.stream())) {
                out.add(g);
            }
        }
        return out;
    }

    /** The summary recomputed from the journal: every field, and the leaderboard's ties by reaching first. */
    private static StreamSummary bruteForce(CoinEconomy e, StreamId stream, StreamSummary actual, int topN) {
        long coins = 0;
        long diamonds = 0;
        long quantity = 0;
        Map<String, Long> byGift = new TreeMap<>();
        Map<UserId, long[]> byGifter = new HashMap<>(); // coins, max sequence
        Map<Long, Instant> instants = new HashMap<>();
        List<GiftReceipt> gifts = giftsIn(e, stream);
        for (GiftReceipt g : gifts) {
            assertEquals(GiftContext.LIVE, g.context(), "a stream gift is a LIVE gift");
            assertEquals(actual.creator(), g.creator(), "a stream gift goes to its creator");
            coins += g.coinsSpent().amount();
            diamonds += g.diamondsCredited().amount();
            quantity += g.quantity();
            byGift.merge(g.giftId(), g.quantity(), Long::sum);
            long[] t = byGifter.computeIfAbsent(g.sender(), u -> new long[2]);
            t[0] += g.coinsSpent().amount();
            t[1] = Math.max(t[1], g.sequence());
            instants.put(g.sequence(), g.instant());
        }
        List<Map.Entry<UserId, long[]>> ranked = new ArrayList<>(byGifter.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<UserId, long[]> x) -> -x.getValue()[0])
                .thenComparingLong(x -> x.getValue()[1]));
        List<GifterRank> top = new ArrayList<>();
        for (Map.Entry<UserId, long[]> x : ranked.subList(0, Math.min(topN, ranked.size()))) {
            top.add(new GifterRank(top.size() + 1, x.getKey(), Coins.of(x.getValue()[0]), x.getValue()[1],
                    instants.get(x.getValue()[1])));
        }
        return new StreamSummary(stream, actual.creator(), actual.startedAt(), actual.endedAt(), Coins.of(coins),
                Diamonds.of(diamonds), gifts.size(), quantity, byGift, byGifter.size(), top);
    }

    private static void assertMatchesJournal(CoinEconomy e, StreamId stream) {
        for (int topN : new int[] {0, 1, 3, 10, 1_000}) {
            StreamSummary actual = e.streamSummary(stream, topN);
            assertEquals(bruteForce(e, stream, actual, topN), actual, "summary of " + stream + " top " + topN);
        }
    }

    // ---- tests -----------------------------------------------------------------------------------

    @Test
    void theSummaryEqualsTheJournalAndRetriesDoNotCountTwice() {
        CoinEconomy e = economy(Ratio.of(7, 10));
        List<UserId> viewers = viewers(e, 30, 1);
        StreamId stream = StreamId.of("s-1");
        StreamSummary empty = e.startStream(stream, creator);
        assertEquals(Optional.of(stream), e.liveStream(creator));
        assertEquals(0, empty.giftEntries());
        assertTrue(empty.live());
        Random random = new Random(42);
        List<RequestId> accepted = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofSeconds(random.nextInt(5))); // several gifts per instant
            UserId sender = viewers.get(random.nextInt(viewers.size()));
            RequestId id = RequestId.of("g-" + i);
            if (random.nextInt(10) == 0) {
                // a gift to the creator outside the stream is not counted in it
                e.sendGift(id, sender, creator, "rose", 1, GiftContext.VIDEO);
                continue;
            }
            GiftReceipt r = e.sendStreamGift(id, sender, stream, GIFTS.get(random.nextInt(GIFTS.size())),
                    1 + random.nextInt(3));
            assertEquals(stream, r.stream());
            assertEquals(creator, r.creator());
            accepted.add(id);
            if (random.nextInt(7) == 0) {
                RequestId again = accepted.get(random.nextInt(accepted.size()));
                GiftReceipt stored = (GiftReceipt) e.entry(again).orElseThrow().receipt();
                assertEquals(stored, e.sendStreamGift(again, stored.sender(), stream, stored.giftId(), stored.quantity()));
            }
            if (i % 50 == 0) {
                assertMatchesJournal(e, stream);
            }
        }
        assertMatchesJournal(e, stream);
        StreamSummary s = e.streamSummary(stream, 3);
        assertEquals(accepted.size(), s.giftEntries());
        assertTrue(s.distinctGifters() > 20);
    }

    @Test
    void tiesGoToWhoeverReachedTheAmountFirst() {
        CoinEconomy e = economy(Ratio.ONE);
        List<UserId> v = viewers(e, 3, 1);
        StreamId stream = StreamId.of("ties");
        e.startStream(stream, creator);
        e.sendStreamGift(RequestId.of("a-1"), v.get(0), stream, "finger-heart", 1); // a: 5
        e.sendStreamGift(RequestId.of("b-1"), v.get(1), stream, "rose", 5);         // b: 5, reached later
        assertEquals(List.of(v.get(0), v.get(1)), leaders(e, stream));
        e.sendStreamGift(RequestId.of("b-2"), v.get(1), stream, "rose", 1);         // b: 6
        e.sendStreamGift(RequestId.of("a-2"), v.get(0), stream, "rose", 1);         // a: 6, reached later
        e.sendStreamGift(RequestId.of("c-1"), v.get(2), stream, "rose", 6);         // c: 6, last
        assertEquals(List.of(v.get(1), v.get(0), v.get(2)), leaders(e, stream));
        assertMatchesJournal(e, stream);
        GifterRank first = e.streamSummary(stream, 1).leaderboard().get(0);
        assertEquals(e.entry(RequestId.of("b-2")).orElseThrow().sequence(), first.reachedSequence());
    }

    private static List<UserId> leaders(CoinEconomy e, StreamId stream) {
        return e.streamSummary(stream, 10).leaderboard().stream().map(GifterRank::user).toList();
    }

    @Test
    void eightThreadsOfGiftsAndRetriesAddUpToTheJournal() throws Exception {
        CoinEconomy e = economy(Ratio.of(2, 3));
        List<UserId> viewers = viewers(e, 24, 2);
        StreamId stream = StreamId.of("busy");
        e.startStream(stream, creator);
        StreamId otherStream = StreamId.of("other");
        e.startStream(otherStream, other);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    int sent = 0;
                    for (int i = 0; i < 250; i++) {
                        UserId sender = viewers.get(random.nextInt(viewers.size()));
                        StreamId target = random.nextInt(5) == 0 ? otherStream : stream;
                        String gift = GIFTS.get(random.nextInt(GIFTS.size()));
                        long quantity = 1 + random.nextInt(3);
                        RequestId id = RequestId.of("t" + thread + "-" + i);
                        GiftReceipt r = e.sendStreamGift(id, sender, target, gift, quantity);
                        assertEquals(r, e.sendStreamGift(id, sender, target, gift, quantity)); // a retry
                        sent++;
                        if (i % 10 == 0) {
                            // every thread sends the same command under the same id: accepted once
                            UserId shared = viewers.get(i % viewers.size());
                            GiftReceipt once = e.sendStreamGift(RequestId.of("shared-" + i), shared, stream, "rosa", 1);
                            assertEquals(shared, once.sender());
                        }
                    }
                    return sent;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(2_000, total);
        } finally {
            pool.shutdownNow();
        }
        assertMatchesJournal(e, stream);
        assertMatchesJournal(e, otherStream);
        assertEquals(2_025, e.streamSummary(stream, 0).giftEntries() + e.streamSummary(otherStream, 0).giftEntries());
        assertEquals(2_025 + 48, e.journalSize());
        assertEquals(e.wallet(creator).diamonds(), e.streamSummary(stream, 0).diamonds());
    }

    @Test
    void anEndedStreamTakesNoGiftsAndNothingChanges() {
        CoinEconomy e = economy(Ratio.ONE);
        List<UserId> v = viewers(e, 2, 1);
        List<UserId> users = List.of(v.get(0), v.get(1), creator);
        StreamId stream = StreamId.of("short");
        e.startStream(stream, creator);
        GiftReceipt before = e.sendStreamGift(RequestId.of("in"), v.get(0), stream, "rose", 2);
        clock.advance(Duration.ofMinutes(30));
        StreamSummary ended = e.endStream(stream);
        assertEquals(clock.instant(), ended.endedAt());
        assertEquals(Optional.empty(), e.liveStream(creator));

        RequestId late = RequestId.of("late");
        rejected(e, users, late, RejectionCode.STREAM_NOT_LIVE, () -> e.sendStreamGift(late, v.get(1), stream, "rose", 1),
                "streamId", stream, "reason", NotLiveReason.ENDED, "endedAt", clock.instant());
        // a retry of a gift accepted while live is still answered as stored
        assertEquals(before, e.sendStreamGift(RequestId.of("in"), v.get(0), stream, "rose", 2));
        assertMatchesJournal(e, stream);
        assertEquals(1, e.streamSummary(stream, 5).giftEntries());
        rejected(e, users, null, RejectionCode.STREAM_NOT_LIVE, () -> e.endStream(stream),
                "reason", NotLiveReason.ENDED);
        // the freed id still works for a gift outside the stream
        e.sendGift(late, v.get(1), creator, "rose", 1);
    }

    @Test
    void aCreatorRunsOneStreamAtATimeAndStreamIdsAreNeverReused() {
        CoinEconomy e = economy(Ratio.ONE);
        List<UserId> v = viewers(e, 1, 1);
        List<UserId> users = List.of(v.get(0), creator, other);
        StreamId first = StreamId.of("first");
        e.startStream(first, creator);
        StreamId second = StreamId.of("second");
        rejected(e, users, null, RejectionCode.STREAM_NOT_LIVE, () -> e.startStream(second, creator),
                "streamId", second, "reason", NotLiveReason.ALREADY_LIVE, "creator", creator, "liveStreamId", first);
        RequestId id = RequestId.of("to-second");
        rejected(e, users, id, RejectionCode.UNKNOWN_STREAM, () -> e.sendStreamGift(id, v.get(0), second, "rose", 1),
                "streamId", second);
        rejected(e, users, null, RejectionCode.STREAM_NOT_LIVE, () -> e.startStream(first, other),
                "reason", NotLiveReason.ID_ALREADY_USED, "streamCreator", creator);
        e.endStream(first);
        e.startStream(second, creator);
        assertEquals(Optional.of(second), e.liveStream(creator));
        rejected(e, users, null, RejectionCode.STREAM_NOT_LIVE, () -> e.startStream(first, creator),
                "reason", NotLiveReason.ID_ALREADY_USED);
        e.sendStreamGift(id, v.get(0), second, "rose", 1);
        assertMatchesJournal(e, second);
        assertMatchesJournal(e, first);
    }

    @Test
    void anUnknownStreamIsRejectedWithoutChangingAnything() {
        CoinEconomy e = economy(Ratio.ONE);
        List<UserId> v = viewers(e, 1, 1);
        List<UserId> users = List.of(v.get(0), creator);
        StreamId ghost = StreamId.of("ghost");
        RequestId id = RequestId.of("ghost-gift");
        rejected(e, users, id, RejectionCode.UNKNOWN_STREAM, () -> e.sendStreamGift(id, v.get(0), ghost, "rose", 1),
                "streamId", ghost);
        rejected(e, users, null, RejectionCode.UNKNOWN_STREAM, () -> e.streamSummary(ghost, 3));
        rejected(e, users, null, RejectionCode.UNKNOWN_STREAM, () -> e.endStream(ghost));
        assertEquals(Optional.empty(), e.liveStream(creator));
        // bad arguments are reported as such even when the stream is unknown, and change nothing
        StateSnapshot before = StateSnapshot.of(e, users);
        assertThrowsNamed(NullPointerException.class, "sender", () -> e.sendStreamGift(id, null, ghost, "rose", 1));
        assertThrowsNamed(NullPointerException.class, "giftId", () -> e.sendStreamGift(id, v.get(0), ghost, null, 1));
        assertThrowsNamed(NullPointerException.class, "requestId", () -> e.sendStreamGift(null, v.get(0), ghost, "rose", 1));
        assertThrowsNamed(NullPointerException.class, "stream",
                () -> e.sendStreamGift(id, v.get(0), (StreamId) null, "rose", 1));
        assertThrowsNamed(IllegalArgumentException.class, "quantity", () -> e.sendStreamGift(id, v.get(0), ghost, "rose", 0));
        StateSnapshot.assertUnchanged(before, e, users, id);
        e.sendGift(id, v.get(0), creator, "rose", 1);
    }

    private static void assertThrowsNamed(Class<? extends Throwable> type, String name,
                                          org.junit.jupiter.api.function.Executable command) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrowsExactly(type, command);
        assertTrue(t.getMessage().contains(name), t.getMessage());
    }

    @Test
    void engagementEqualsABruteForceOverTheJournal() {
        CoinEconomy e = economy(Ratio.of(1, 2));
        List<UserId> viewers = viewers(e, 12, 1);
        Instant start = clock.instant();
        StreamId stream = StreamId.of("eng");
        e.startStream(stream, creator);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofMinutes(random.nextInt(30)));
            UserId sender = viewers.get(random.nextInt(viewers.size()));
            String gift = GIFTS.get(random.nextInt(GIFTS.size()));
            RequestId id = RequestId.of("e-" + i);
            switch (random.nextInt(4)) {
                case 0 -> e.sendGift(id, sender, creator, gift, 1 + random.nextInt(2), GiftContext.VIDEO);
                case 1 -> e.sendGift(id, sender, other, gift, 1); // another creator's gifts are not counted
                default -> e.sendStreamGift(id, sender, stream, gift, 1 + random.nextInt(2));
            }
        }
        Instant end = clock.instant().plusSeconds(1);
        List<Instant[]> periods = new ArrayList<>(List.of(new Instant[] {start, end},
                new Instant[] {start, start}, new Instant[] {end, end.plusSeconds(3_600)}));
        for (int i = 0; i < 30; i++) {
            long span = Duration.between(start, end).getSeconds();
            Instant a = start.plusSeconds((long) (random.nextDouble() * span));
            Instant b = a.plusSeconds((long) (random.nextDouble() * (span / 3)));
            periods.add(new Instant[] {a, b});
        }
        for (Instant[] p : periods) {
            for (UserId who : List.of(creator, other)) {
                assertEquals(engagementBruteForce(e, who, p[0], p[1]), e.engagement(who, p[0], p[1]),
                        who + " " + p[0] + ".." + p[1]);
            }
        }
        EngagementReport all = e.engagement(creator, start, end);
        assertTrue(all.repeatGifters() > 0 && all.repeatGifters() <= all.distinctGifters());
        assertEquals(e.wallet(creator).diamonds(), all.diamonds());
    }

    private static EngagementReport engagementBruteForce(CoinEconomy e, UserId creator, Instant from, Instant to) {
        long entries = 0;
        long quantity = 0;
        long coins = 0;
        long diamonds = 0;
        Map<UserId, Integer> entriesBySender = new LinkedHashMap<>();
        Map<String, long[]> byGift = new HashMap<>();
        for (JournalEntry entry : e.journal(1, Integer.MAX_VALUE)) {
            if (entry.receipt() instanceof GiftReceipt g && g.creator().equals(creator)
                    && !g.instant().isBefore(from) && g.instant().isBefore(to)) {
                entries++;
                quantity += g.quantity();
                coins += g.coinsSpent().amount();
                diamonds += g.diamondsCredited().amount();
                entriesBySender.merge(g.sender(), 1, Integer::sum);
                long[] t = byGift.computeIfAbsent(g.giftId(), x -> new long[2]);
                t[0] += g.quantity();
                t[1] += g.coinsSpent().amount();
            }
        }
        List<GiftTotal> top = new ArrayList<>();
        byGift.forEach((id, t) -> top.add(new GiftTotal(id, t[0], Coins.of(t[1]))));
        top.sort(Comparator.comparingLong((GiftTotal t) -> -t.coins().amount()).thenComparing(GiftTotal::giftId));
        long repeat = entriesBySender.values().stream().filter(n -> n >= 2).count();
        return new EngagementReport(creator, from, to, entries, quantity, Coins.of(coins), Diamonds.of(diamonds),
                entriesBySender.size(), repeat, top);
    }
}
