package dev.coineconomy.stream;

import dev.coineconomy.UserId;
import dev.coineconomy.internal.StreamTally;
import dev.coineconomy.money.Coins;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads feed one stream's tally (as concurrent gift commits do) while a ninth reads summaries:
 * the final totals are exact, the ranking equals the single-threaded result, and every summary read
 * meanwhile is internally consistent.
 */
class StreamTallyConcurrencyTest {

    private static final int THREADS = 8;
    private static final int GIFTS_PER_THREAD = 20_000;
    private static final int GIFTERS = 200;
    private static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");

    @Test
    void eightThreadsFeedingOneTallyGiveExactTotals() throws Exception {
        StreamTally tally = new StreamTally(StreamId.of("hot"), UserId.of("star"), T0);
        AtomicLong journal = new AtomicLong(); // hands out sequences as the journal's append does
        List<long[]> fed = java.util.Collections.synchronizedList(new ArrayList<>()); // {seq, gifter, coins}
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                feeders.add(pool.submit(() -> {
                    go.await();
                    List<long[]> mine = new ArrayList<>(GIFTS_PER_THREAD);
                    for (int i = 0; i < GIFTS_PER_THREAD; i++) {
                        int gifter = (thread * 7919 + i * 31) % GIFTERS;
                        long quantity = 1 + i % 3;
                        long coins = quantity * (1 + (i + thread) % 5);
                        long seq = journal.incrementAndGet();
                        tally.onGift(seq, T0.plusMillis(seq), UserId.of("v" + gifter), "g" + (i % 4), quantity,
                                coins, coins / 2);
                        mine.add(new long[] {seq, gifter, coins, quantity});
                    }
                    fed.addAll(mine);
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                go.await();
                int reads = 0;
                while (feeders.stream().anyMatch(f -> !f.isDone())) {
                    StreamSummary s = tally.summary(10);
                    long coins = tally.summary(Integer.MAX_VALUE).leaderboard().stream()
                            .mapToLong(r -> r.coins().amount()).sum();
                    assertTrue(coins >= s.coins().amount(), "a later read shows fewer coins");
                    assertEquals(s.giftQuantity(), s.giftsById().values().stream().mapToLong(Long::longValue).sum());
                    for (int i = 1; i < s.leaderboard().size(); i++) {
                        assertTrue(s.leaderboard().get(i - 1).coins().compareTo(s.leaderboard().get(i).coins()) >= 0);
                    }
                    reads++;
                }
                return reads;
            });
            go.countDown();
            for (Future<?> f : feeders) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }

        // the expected result, single-threaded from the same gifts in sequence order
        long coins = 0;
        long quantity = 0;
        Map<Long, long[]> byGifter = new HashMap<>(); // {coins, lastSeq}
        fed.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] g : fed) {
            coins += g[2];
            quantity += g[3];
            long[] t = byGifter.computeIfAbsent(g[1], k -> new long[2]);
            t[0] += g[2];
            t[1] = g[0];
        }
        StreamSummary s = tally.summary(GIFTERS);
        assertEquals(THREADS * GIFTS_PER_THREAD, fed.size());
        assertEquals(THREADS * (long) GIFTS_PER_THREAD, s.giftEntries());
        assertEquals(Coins.of(coins), s.coins());
        assertEquals(fed.stream().mapToLong(g -> g[2] / 2).sum(), s.diamonds().amount());
        assertEquals(quantity, s.giftQuantity());
        assertEquals(byGifter.size(), s.distinctGifters());
        assertEquals(GIFTERS, s.leaderboard().size());
        for (GifterRank r : s.leaderboard()) {
            long[] t = byGifter.get(Long.parseLong(r.user().value().substring(1)));
            assertEquals(t[0], r.coins().amount(), r::toString);
            assertEquals(t[1], r.reachedSequence(), r::toString);
            assertEquals(T0.plusMillis(t[1]), r.reachedAt(), r::toString);
        }
        for (int i = 1; i < s.leaderboard().size(); i++) {
            GifterRank a = s.leaderboard().get(i - 1);
            GifterRank b = s.leaderboard().get(i);
            assertTrue(a.coins().compareTo(b.coins()) > 0
                    || a.coins().equals(b.coins()) && a.reachedSequence() < b.reachedSequence(), b::toString);
        }
    }
}
