package dev.coineconomy.examples.bench;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.store.JdbcLedgerStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Gifts per second through the facade on a durable {@link JdbcLedgerStore}: H2 embedded file database with
 * {@code WRITE_DELAY=0} (durable), the same with H2's default write delay (the baseline that shows what
 * durability costs) and local PostgreSQL, each with 1 and 8 client threads. Many viewers gift few creators;
 * half of all gifts go to one hot creator. Each database is fresh; viewers are funded before the clock starts.
 * A short profiling pass counts the JDBC calls (statements executed, commits) per gift. A plain timed harness,
 * not JMH: each measurement is a warm-up then a fixed wall-clock window. Prints {@code RESULT} lines and a summary
 * against the targets (PostgreSQL ≥ 5,000 gifts/s with 8 threads, H2 ≥ 10,000). See {@code docs/durability.md}.
 *
 * <p>Arguments (all optional): {@code --seconds N} (measured window, default 5), {@code --warmup N} (default 2),
 * {@code --viewers N} (default 1000), {@code --targets h2,h2-delay,pg,pg-async} (default {@code h2,h2-delay,pg}; {@code pg-async} runs PostgreSQL
 * with {@code synchronous_commit=off}, not durable against a database crash, to show what the WAL flush costs),
 * {@code --dir PATH} (H2 files, default {@code target/bench-db}), {@code --pg-url}, {@code --pg-user},
 * {@code --pg-password} (default the tests' {@code jdbc:postgresql://localhost:5432/coineconomy},
 * {@code coineconomy}/{@code coineconomy}; the benchmark drops and recreates schema {@code ce_bench}).
 */
public final class DurableGiftBench {

    static final double TARGET_PG_8 = 5_000;
    static final double TARGET_H2 = 10_000;
    private static final int[] THREADS = {1, 8};
    private static final String HOT = "creator-hot";
    private static final int CREATORS = 8;

    private DurableGiftBench() {
    }

    /** One measurement. */
    record Result(String target, int threads, long gifts, double seconds, long rejected) {
        double perSecond() {
            return gifts / seconds;
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "5"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "2"));
        int viewers = Integer.parseInt(opt.getOrDefault("viewers", "1000"));
        List<String> targets = List.of(opt.getOrDefault("targets", "h2,h2-delay,pg").split(","));
        Path dir = Path.of(opt.getOrDefault("dir", "target/bench-db")).toAbsolutePath();
        String pgUrl = opt.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/coineconomy");
        String pgUser = opt.getOrDefault("pg-user", "coineconomy");
        String pgPassword = opt.getOrDefault("pg-password", "coineconomy");

        List<Result> results = new ArrayList<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        for (String target : targets) {
            JdbcConnectionPool pool = switch (target) {
                case "h2" -> h2(dir.resolve("durable-" + System.nanoTime()), true);
                case "h2-delay" -> h2(dir.resolve("delayed-" + System.nanoTime()), false);
                case "pg" -> postgres(pgUrl, pgUser, pgPassword, false);
                case "pg-async" -> postgres(pgUrl, pgUser, pgPassword, true);
                default -> throw new IllegalArgumentException("unknown target " + target);
            };
            try {
                JdbcLedgerStore store = JdbcLedgerStore.builder(pool).allowH2WriteDelay(target.equals("h2-delay"))
                        .build().createSchema();
                CoinEconomy economy = CoinEconomy.builder().store(store).build();
                fund(economy, viewers);
                profiles.put(target, profile(pool, target, viewers));
                for (int threads : THREADS) {
                    Result r = measure(economy, target, threads, viewers, warmup, seconds);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "RESULT %-8s threads=%d gifts/s=%,.0f (%d gifts in %.1f s, %d rejected,"
                            + " load average %.1f)%n", r.target(), r.threads(), r.perSecond(), r.gifts(), r.seconds(),
                            r.rejected(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                    .getSystemLoadAverage());
                }
            } finally {
                pool.dispose();
            }
        }
        System.out.println(summary(results, profiles));
    }

    private static JdbcConnectionPool h2(Path file, boolean durable) throws IOException {
        Files.createDirectories(file.getParent());
        String url = "jdbc:h2:file:" + file + (durable ? ";WRITE_DELAY=0" : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        return pool;
    }

    private static JdbcConnectionPool postgres(String url, String user, String password, boolean async)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS ce_bench CASCADE");
            st.execute("CREATE SCHEMA ce_bench");
        }
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setCurrentSchema("ce_bench");
        if (async) { // not durable against a PostgreSQL crash: only to show what the commit's WAL flush costs
            ds.setOptions("-c synchronous_commit=off");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(16);
        return pool;
    }

    /** Each viewer buys 11,000 coins, from 8 threads. */
    private static void fund(CoinEconomy economy, int viewers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int v = thread; v < viewers; v += 8) {
                    economy.purchase(RequestId.of("fund-" + v), viewer(v), "coins-11000", Region.of("US"));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static UserId viewer(int v) {
        return UserId.of("viewer-" + v);
    }

    private static final AtomicLong RUN = new AtomicLong();

    /** One gift: a random viewer gifts the hot creator (half the time) or one of the others. */
    private static boolean gift(CoinEconomy economy, String prefix, long i, SplittableRandom random, int viewers) {
        UserId sender = viewer(random.nextInt(viewers));
        UserId creator = random.nextBoolean() ? UserId.of(HOT) : UserId.of("creator-" + random.nextInt(CREATORS));
        String gift = random.nextInt(10) < 7 ? "rose" : "rosa";
        try {
            economy.sendGift(RequestId.of(prefix + i), sender, creator, gift, 1);
            return true;
        } catch (EconomyException e) {
            return false;
        }
    }

    static Result measure(CoinEconomy economy, String target, int threads, int viewers, int warmup, int seconds)
            throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder gifts = new LongAdder();
        LongAdder rejected = new LongAdder();
        long run = RUN.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "b" + run + "-" + t + "-";
            SplittableRandom random = new SplittableRandom(run * 31 + t);
            futures.add(pool.submit(() -> {
                for (long i = 0; !stop.get(); i++) {
                    boolean ok = gift(economy, prefix, i, random, viewers);
                    if (counting.get()) {
                        (ok ? gifts : rejected).increment();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Result(target, threads, gifts.sum(), elapsed, rejected.sum());
    }

    /** 500 single-threaded gifts through a data source that counts JDBC calls. */
    private static String profile(DataSource pool, String target, int viewers) {
        Counting counting = new Counting(pool);
        CoinEconomy economy = CoinEconomy.builder()
                .store(JdbcLedgerStore.builder(counting).allowH2WriteDelay(true).build()).build();
        SplittableRandom random = new SplittableRandom(5);
        int n = 500;
        counting.reset();
        for (int i = 0; i < n; i++) {
            gift(economy, "prof-" + target + "-", i, random, viewers);
        }
        return String.format(Locale.ROOT, "%.1f statements executed (%.1f prepared) + %.1f commits per gift",
                counting.executes.sum() / (double) n, counting.prepares.sum() / (double) n,
                counting.commits.sum() / (double) n);
    }

    static String summary(List<Result> results, Map<String, String> profiles) {
        StringBuilder sb = new StringBuilder("\n== Durable gifts/s (facade, JdbcLedgerStore) ==\n");
        Map<String, Double> by = new LinkedHashMap<>();
        for (Result r : results) {
            by.put(r.target() + "/" + r.threads(), r.perSecond());
            sb.append(String.format(Locale.ROOT, "%-9s %d thread%s %,10.0f gifts/s%n", r.target(), r.threads(),
                    r.threads() == 1 ? " " : "s", r.perSecond()));
        }
        profiles.forEach((t, p) -> sb.append(String.format(Locale.ROOT, "%-9s profile: %s%n", t, p)));
        for (int threads : THREADS) {
            Double durable = by.get("h2/" + threads);
            Double delayed = by.get("h2-delay/" + threads);
            if (durable != null && delayed != null) {
                sb.append(String.format(Locale.ROOT, "H2 durability cost, %d thread%s: WRITE_DELAY=0 runs at %.2f x"
                        + " the default write delay%n", threads, threads == 1 ? "" : "s", durable / delayed));
            }
        }
        Double pg8 = by.get("pg/8");
        if (pg8 != null) {
            sb.append(String.format(Locale.ROOT, "target PostgreSQL 8 threads >= %,.0f: %,.0f %s%n", TARGET_PG_8, pg8,
                    pg8 >= TARGET_PG_8 ? "MET" : String.format(Locale.ROOT, "MISSED (%.0f%%)", 100 * pg8 / TARGET_PG_8)));
        }
        Double h2 = Math.max(by.getOrDefault("h2/1", 0.0), by.getOrDefault("h2/8", 0.0));
        if (by.containsKey("h2/1")) {
            sb.append(String.format(Locale.ROOT, "target H2 durable >= %,.0f (best of 1 and 8 threads): %,.0f %s%n",
                    TARGET_H2, h2, h2 >= TARGET_H2 ? "MET"
                            : String.format(Locale.ROOT, "MISSED (%.0f%%)", 100 * h2 / TARGET_H2)));
        }
        return sb.toString();
    }

    /** A data source counting the JDBC calls of the connections it hands out (profiling only). */
    static final class Counting implements DataSource {
        final LongAdder executes = new LongAdder();
        final LongAdder prepares = new LongAdder();
        final LongAdder commits = new LongAdder();
        private final DataSource target;

        Counting(DataSource target) {
            this.target = target;
        }

        void reset() {
            executes.reset();
            prepares.reset();
            commits.reset();
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = target.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, m, a) -> {
                        String name = m.getName();
                        if (name.equals("commit")) {
                            commits.increment();
                        } else if (name.equals("setTransactionIsolation")) {
                            executes.increment(); // a round trip on PostgreSQL
                        } else if (name.equals("prepareStatement")) {
                            prepares.increment();
                        }
                        Object result = invoke(m, c, a);
                        if (result instanceof Statement s) {
                            Class<?> type = name.equals("createStatement") ? Statement.class
                                    : name.equals("prepareCall") ? java.sql.CallableStatement.class
                                    : java.sql.PreparedStatement.class;
                            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                                    (p2, m2, a2) -> {
                                        if (m2.getName().startsWith("execute")) {
                                            executes.increment();
                                        }
                                        return invoke(m2, s, a2);
                                    });
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
