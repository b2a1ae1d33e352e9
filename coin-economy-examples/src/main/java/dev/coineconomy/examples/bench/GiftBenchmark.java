package dev.coineconomy.examples.bench;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.policy.EconomyPolicy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * {@code sendGift} throughput: the in-memory facade (reference catalog and policy) against the
 * {@link EssentialGiftLedger essential-work baseline}, with one thread and with two threads gifting ONE
 * hot creator, each thread from its own {@value #VIEWERS_PER_THREAD} pre-funded viewers.
 *
 * <p>Each measured iteration is one invocation that sends exactly {@value #GIFTS_PER_THREAD} gifts per
 * thread (one {@code rose}, 1 coin, quantity 1) into a <em>fresh</em> economy (or baseline) built by the
 * iteration's set-up; the mode is {@link Mode#SingleShotTime} with
 * {@link OperationsPerInvocation}, so the score is nanoseconds per gift per thread and gifts/s =
 * threads × 10⁹ / score ({@link BenchMain} prints that). A fixed number of gifts per iteration keeps the
 * journal, which grows without bound, at a known size (about 85 MB per million gifts with its ids), and
 * lets the unique request ids be generated before the clock starts: ids are 12 characters,
 * {@code g-T-NNNNNNNN}. The iteration's tear-down checks the creator's diamonds and the journal size,
 * so a benchmark that silently did less work fails.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class GiftBenchmark {

    /** Gifts each thread sends per iteration. */
    public static final int GIFTS_PER_THREAD = 1 << 20;
    /** Distinct viewers per thread; the gifts go round-robin over them. */
    public static final int VIEWERS_PER_THREAD = 64;
    /** The gift sent: the cheapest of the reference catalog. */
    public static final String GIFT = "rose";
    /** The one creator every thread gifts. */
    public static final UserId CREATOR = UserId.of("creator-hot");

    private static final String BIGGEST_PACK = "coins-11000";

    /**
     * A fresh reference economy per iteration, shared by the threads.
     */
    @State(Scope.Benchmark)
    public static class FacadeState {
        CoinEconomy economy;
        long giftPrice;

        /** Builds the economy. */
        @Setup(Level.Iteration)
        public void setUp() {
            economy = CoinEconomy.builder()
                    .catalog(Catalog.reference())
                    .policy(EconomyPolicy.reference())
                    .build();
            giftPrice = priceOf(economy.catalog(), GIFT);
        }

        /**
         * Checks the iteration sent every gift, then drops the economy.
         *
         * @param params the run's parameters (thread count)
         */
        @TearDown(Level.Iteration)
        public void tearDown(BenchmarkParams params) {
            long expected = (long) params.getThreads() * GIFTS_PER_THREAD * giftPrice;
            long got = economy.wallet(CREATOR).diamonds().amount();
            if (got != expected) {
                throw new IllegalStateException("creator holds " + got + " diamonds, expected " + expected);
            }
            economy = null;
        }
    }

    /**
     * One thread's viewers (funded in the shared economy) and its pre-generated request ids.
     */
    @State(Scope.Thread)
    public static class FacadeThread {
        UserId[] viewers;
        RequestId[] ids;

        /**
         * Funds this thread's viewers and generates its ids.
         *
         * @param shared the iteration's economy
         * @param thread this thread's index
         */
        @Setup(Level.Iteration)
        public void setUp(FacadeState shared, ThreadParams thread) {
            prepare(shared, thread.getThreadIndex(), GIFTS_PER_THREAD);
        }

        void prepare(FacadeState shared, int threadIndex, int gifts) {
            viewers = viewers(threadIndex);
            ids = requestIds(threadIndex, gifts);
            long need = coinsPerViewer(gifts, shared.giftPrice);
            for (int v = 0; v < viewers.length; v++) {
                for (int k = 0; shared.economy.wallet(viewers[v]).coins().amount() < need; k++) {
                    shared.economy.purchase(RequestId.of("p-" + threadIndex + "-" + v + "-" + k), viewers[v],
                            BIGGEST_PACK, Region.of("US"));
                }
            }
        }

        /** Drops the ids. */
        @TearDown(Level.Iteration)
        public void tearDown() {
            ids = null;
        }

        long run(CoinEconomy economy, Blackhole bh) {
            RequestId[] ids = this.ids;
            UserId[] viewers = this.viewers;
            long last = 0;
            for (int i = 0; i < ids.length; i++) {
                GiftReceipt r = economy.sendGift(ids[i], viewers[i & (VIEWERS_PER_THREAD - 1)], CREATOR, GIFT, 1);
                bh.consume(r);
                last = r.sequence();
            }
            return last;
        }
    }

    /**
     * A fresh baseline per iteration, shared by the threads, its record array sized for the iteration.
     */
    @State(Scope.Benchmark)
    public static class BaselineState {
        EssentialGiftLedger ledger;
        long giftPrice;

        /**
         * Builds the baseline.
         *
         * @param params the run's parameters (thread count)
         */
        @Setup(Level.Iteration)
        public void setUp(BenchmarkParams params) {
            prepare(params.getThreads() * GIFTS_PER_THREAD);
        }

        void prepare(int capacity) {
            ledger = new EssentialGiftLedger(capacity);
            ledger.open(CREATOR);
            giftPrice = priceOf(Catalog.reference(), GIFT);
        }

        /**
         * Checks the iteration sent every gift, then drops the baseline.
         *
         * @param params the run's parameters (thread count)
         */
        @TearDown(Level.Iteration)
        public void tearDown(BenchmarkParams params) {
            long expected = (long) params.getThreads() * GIFTS_PER_THREAD * giftPrice;
            if (ledger.diamonds(CREATOR) != expected) {
                throw new IllegalStateException("creator holds " + ledger.diamonds(CREATOR) + ", expected " + expected);
            }
            ledger = null;
        }
    }

    /**
     * One thread's viewers (funded in the shared baseline) and its pre-generated request ids.
     */
    @State(Scope.Thread)
    public static class BaselineThread {
        UserId[] viewers;
        RequestId[] ids;

        /**
         * Funds this thread's viewers and generates its ids.
         *
         * @param shared the iteration's baseline
         * @param thread this thread's index
         */
        @Setup(Level.Iteration)
        public void setUp(BaselineState shared, ThreadParams thread) {
            prepare(shared, thread.getThreadIndex(), GIFTS_PER_THREAD);
        }

        void prepare(BaselineState shared, int threadIndex, int gifts) {
            viewers = viewers(threadIndex);
            ids = requestIds(threadIndex, gifts);
            long need = coinsPerViewer(gifts, shared.giftPrice);
            for (UserId viewer : viewers) {
                shared.ledger.fund(viewer, need);
            }
        }

        /** Drops the ids. */
        @TearDown(Level.Iteration)
        public void tearDown() {
            ids = null;
        }

        long run(BaselineState shared, Blackhole bh) {
            EssentialGiftLedger ledger = shared.ledger;
            long price = shared.giftPrice;
            RequestId[] ids = this.ids;
            UserId[] viewers = this.viewers;
            long last = 0;
            for (int i = 0; i < ids.length; i++) {
                last = ledger.gift(ids[i], viewers[i & (VIEWERS_PER_THREAD - 1)], CREATOR, 0, price);
                bh.consume(last);
            }
            return last;
        }
    }

    /**
     * Facade, one thread.
     *
     * @return the last sequence
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(GIFTS_PER_THREAD)
    public long facade1(FacadeState shared, FacadeThread thread, Blackhole bh) {
        return thread.run(shared.economy, bh);
    }

    /**
     * Facade, two threads gifting the same creator.
     *
     * @return the last sequence
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(GIFTS_PER_THREAD)
    public long facade2(FacadeState shared, FacadeThread thread, Blackhole bh) {
        return thread.run(shared.economy, bh);
    }

    /**
     * Baseline, one thread.
     *
     * @return the last sequence
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(GIFTS_PER_THREAD)
    public long baseline1(BaselineState shared, BaselineThread thread, Blackhole bh) {
        return thread.run(shared, bh);
    }

    /**
     * Baseline, two threads gifting the same creator.
     *
     * @return the last sequence
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(GIFTS_PER_THREAD)
    public long baseline2(BaselineState shared, BaselineThread thread, Blackhole bh) {
        return thread.run(shared, bh);
    }

    // ---- helpers -------------------------------------------------------------------------------

    static long priceOf(Catalog catalog, String giftId) {
        for (Gift g : catalog.gifts()) {
            if (g.id().equals(giftId)) {
                return g.price().amount();
            }
        }
        throw new IllegalStateException("no gift " + giftId);
    }

    static UserId[] viewers(int threadIndex) {
        UserId[] v = new UserId[VIEWERS_PER_THREAD];
        for (int i = 0; i < v.length; i++) {
            v[i] = UserId.of("viewer-" + threadIndex + "-" + i);
        }
        return v;
    }

    static long coinsPerViewer(int gifts, long price) {
        return ((long) gifts / VIEWERS_PER_THREAD + 1) * price;
    }

    /**
     * Unique 12-character request ids {@code g-T-NNNNNNNN} for one thread.
     */
    static RequestId[] requestIds(int threadIndex, int count) {
        if (threadIndex < 0 || threadIndex >= 36 || count > 100_000_000) {
            throw new IllegalArgumentException("ids cover threads 0 to 35 and up to 10^8 ids each");
        }
        RequestId[] ids = new RequestId[count];
        char[] c = {'g', '-', Character.forDigit(threadIndex % 36, 36), '-', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int i = 0; i < count; i++) {
            int n = i;
            for (int p = c.length - 1; p >= 4; p--) {
                c[p] = (char) ('0' + n % 10);
                n /= 10;
            }
            ids[i] = RequestId.of(new String(c));
        }
        return ids;
    }
}
