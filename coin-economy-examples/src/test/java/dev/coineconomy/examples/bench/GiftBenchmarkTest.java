package dev.coineconomy.examples.bench;

import dev.coineconomy.RequestId;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark does the work it claims, outside JMH and on a small scale: every gift of every thread
 * lands on the one creator, in the facade and in the baseline alike; ids are unique and 12 characters.
 */
class GiftBenchmarkTest {

    private static final Blackhole BH = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void requestIdsAreUniqueAndTwelveCharactersLong() {
        Set<RequestId> ids = new HashSet<>();
        for (int t = 0; t < 2; t++) {
            for (RequestId id : GiftBenchmark.requestIds(t, 20_000)) {
                assertEquals(12, id.value().length(), id.value());
                assertTrue(ids.add(id), "unique: " + id);
            }
        }
    }

    @Test
    void facadeThreadsGiftTheHotCreator() {
        int gifts = 3_000;
        GiftBenchmark.FacadeState shared = new GiftBenchmark.FacadeState();
        shared.setUp();
        GiftBenchmark.FacadeThread t0 = new GiftBenchmark.FacadeThread();
        GiftBenchmark.FacadeThread t1 = new GiftBenchmark.FacadeThread();
        t0.prepare(shared, 0, gifts);
        t1.prepare(shared, 1, gifts);
        long entriesBefore = shared.economy.journalSize();
        t0.run(shared.economy, BH);
        long last = t1.run(shared.economy, BH);
        assertEquals(entriesBefore + 2L * gifts, last, "the last gift's sequence");
        assertEquals(2L * gifts * shared.giftPrice,
                shared.economy.wallet(GiftBenchmark.CREATOR).diamonds().amount());
    }

    @Test
    void baselineThreadsGiftTheHotCreatorAndRefuseReusedIds() {
        int gifts = 3_000;
        GiftBenchmark.BaselineState shared = new GiftBenchmark.BaselineState();
        shared.prepare(2 * gifts);
        GiftBenchmark.BaselineThread t0 = new GiftBenchmark.BaselineThread();
        GiftBenchmark.BaselineThread t1 = new GiftBenchmark.BaselineThread();
        t0.prepare(shared, 0, gifts);
        t1.prepare(shared, 1, gifts);
        t0.run(shared, BH);
        assertEquals(2L * gifts - 1, t1.run(shared, BH));
        assertEquals(2L * gifts * shared.giftPrice, shared.ledger.diamonds(GiftBenchmark.CREATOR));
        assertEquals(2L * gifts, shared.ledger.size());
        assertEquals(-1, shared.ledger.gift(t0.ids[0], t0.viewers[0], GiftBenchmark.CREATOR, 0, 1));
        assertEquals(2L * gifts, shared.ledger.size(), "a reused id records nothing");
    }

    @Test
    void summaryComparesTheNumbersWithTheTargets() {
        String s = BenchMain.summary(Map.of(
                        "facade1", new BenchMain.Throughput("facade1", 1, 2_500_000, 2_400_000, 2_600_000, 5),
                        "baseline1", new BenchMain.Throughput("baseline1", 1, 10_000_000, 9_000_000, 11_000_000, 5),
                        "facade2", new BenchMain.Throughput("facade2", 2, 3_000_000, 2_900_000, 3_100_000, 5)),
                Map.of(12, 70.0, 36, 100.0));
        assertTrue(s.contains("2,500,000  target >= 2,000,000: met"), s);
        assertTrue(s.contains("0.250  target >= 0.330: MISSED"), s);
        assertTrue(s.contains("1.200  target >= 1.500: MISSED"), s);
        assertTrue(s.contains("heap B/entry, 12-char ids                70.0  target <= 96: met"), s);
        assertTrue(s.contains("heap B/entry, 36-char ids               100.0  target <= 96: MISSED"), s);
    }
}
