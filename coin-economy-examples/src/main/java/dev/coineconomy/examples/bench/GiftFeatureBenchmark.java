package dev.coineconomy.examples.bench;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.policy.CalendarPeriod;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.SpendingLimits;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.StreamId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of issue 5's features on the in-memory {@code sendGift} path, one thread, measured against the
 * plain gift in the same run: {@code plain} (no profile directory, no limits, no stream), {@code stream}
 * (the gift names a live stream, so the stream's summary and leaderboard are updated) and {@code checked}
 * (a profile directory, so sender and creator eligibility and gift availability are checked, plus a daily,
 * weekly and monthly gift-coin limit on per-user counters). Targets: stream ≥ 0.8 × plain; checked adds at
 * most 20 %, i.e. checked ≥ plain / 1.2.
 *
 * <p>Each iteration sends {@value #GIFTS} gifts ({@code rose}, 1 coin) from 64 pre-funded viewers to one
 * creator in a fresh economy; the tear-down checks the creator's diamonds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class GiftFeatureBenchmark {

    /** Gifts per iteration. */
    public static final int GIFTS = 1 << 18;

    private static final UserId CREATOR = UserId.of("creator-hot");
    private static final StreamId STREAM = StreamId.of("stream-1");

    /** One iteration's economy, viewers and request ids. */
    @State(Scope.Thread)
    public static class Run {
        /** Which features are on. */
        @Param({"plain", "stream", "checked"})
        public String features;

        CoinEconomy economy;
        UserId[] viewers;
        RequestId[] ids;

        /** Builds and funds a fresh economy. */
        @Setup(Level.Iteration)
        public void setUp() {
            CoinEconomy.Builder b = CoinEconomy.builder();
            viewers = GiftBenchmark.viewers(0);
            if (features.equals("checked")) {
                List<UserProfile> profiles = new ArrayList<>();
                for (UserId v : viewers) {
                    profiles.add(UserProfile.personal(v, LocalDate.of(1990, 1, 1), Region.of("US")));
                }
                profiles.add(UserProfile.personal(CREATOR, LocalDate.of(1990, 1, 1), Region.of("US"))
                        .withFollowers(50_000));
                b.profiles(ProfileDirectory.of(profiles));
                b.policy(EconomyPolicy.reference().withSpendingLimits(SpendingLimits.NONE
                        .withGiftLimit(CalendarPeriod.DAY, Coins.of(1_000_000_000L))
                        .withGiftLimit(CalendarPeriod.WEEK, Coins.of(2_000_000_000L))
                        .withGiftLimit(CalendarPeriod.MONTH, Coins.of(4_000_000_000L))));
            }
            economy = b.build();
            if (features.equals("stream")) {
                economy.startStream(STREAM, CREATOR);
            }
            ids = GiftBenchmark.requestIds(0, GIFTS);
            long need = GiftBenchmark.coinsPerViewer(GIFTS, 1);
            for (int v = 0; v < viewers.length; v++) {
                for (int k = 0; economy.wallet(viewers[v]).coins().amount() < need; k++) {
                    economy.purchase(RequestId.of("p-" + v + "-" + k), viewers[v], "coins-11000", Region.of("US"));
                }
            }
        }

        /** Checks every gift arrived. */
        @TearDown(Level.Iteration)
        public void tearDown() {
            long got = economy.wallet(CREATOR).diamonds().amount();
            if (got != GIFTS) {
                throw new IllegalStateException("creator holds " + got + " diamonds, expected " + GIFTS);
            }
            if (features.equals("stream") && economy.streamSummary(STREAM, 0).coins().amount() != GIFTS) {
                throw new IllegalStateException("the stream did not count every gift");
            }
            economy = null;
            ids = null;
        }
    }

    /**
     * Sends the iteration's gifts.
     *
     * @param run the iteration
     * @param bh  the blackhole
     * @return the last sequence
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(GIFTS)
    public long gift(Run run, Blackhole bh) {
        CoinEconomy economy = run.economy;
        RequestId[] ids = run.ids;
        UserId[] viewers = run.viewers;
        boolean stream = run.features.equals("stream");
        long last = 0;
        for (int i = 0; i < ids.length; i++) {
            UserId viewer = viewers[i & (GiftBenchmark.VIEWERS_PER_THREAD - 1)];
            GiftReceipt r = stream
                    ? economy.sendStreamGift(ids[i], viewer, STREAM, GiftBenchmark.GIFT, 1)
                    : economy.sendGift(ids[i], viewer, CREATOR, GiftBenchmark.GIFT, 1);
            bh.consume(r);
            last = r.sequence();
        }
        return last;
    }
}
