package dev.coineconomy.internal.jdbc;

import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.store.LedgerStoreException;
import dev.coineconomy.store.StoreConflictException;
import dev.coineconomy.store.StoreWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JDBC store's engine: one connection per transaction, bounded retries of conflicts, schema migration
 * and version checks. Thread-safe.
 */
public final class JdbcEngine {

    /** The schema version this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final String[] MIGRATIONS = {null, "ledger"}; // index = version

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEngine.class);

    /**
     * Options of the engine.
     *
     * @param maxAttempts       attempts of a conflicting transaction before giving up, at least 1
     * @param backoffNanos      the base of the jittered exponential backoff between attempts
     * @param secondLockMillis  PostgreSQL: how long a transaction that already holds a user's row lock waits for
     *                          another row lock before it is rolled back and retried (0: wait until PostgreSQL's
     *                          deadlock detector decides)
     * @param allowH2WriteDelay whether an H2 file database with {@code WRITE_DELAY} other than 0 is accepted
     */
    public record Options(int maxAttempts, long backoffNanos, long secondLockMillis, boolean allowH2WriteDelay) {
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int maxAttempts;
    private final long backoffNanos;
    private final String secondLockTimeout;
    /** Whether the host's connections are READ COMMITTED already (then no per-transaction round trip sets it). */
    private final boolean readCommitted;
    private volatile boolean schemaChecked;
    /**
     * On an H2 file database: the lock that runs this JVM's transactions on it one at a time. With concurrent
     * transactions, a process killed by SIGKILL was seen to leave a transaction only partly persisted (its
     * postings without its entry row, or the reverse); one transaction at a time is what we could not break.
     * {@code null} on PostgreSQL and on in-memory H2.
     */
    private final ReentrantLock serial;
    private static final Map<String, ReentrantLock> H2_FILE_LOCKS = new ConcurrentHashMap<>();

    /**
     * Connects once to detect the database and, on H2, to check that commits are durable.
     *
     * @param dataSource the host's data source
     * @param options    the options
     * @throws LedgerStoreException if the database cannot be reached or is not supported, or is an H2 database
     *                              with a write delay that the options do not allow
     */
    public JdbcEngine(DataSource dataSource, Options options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.maxAttempts = options.maxAttempts();
        this.backoffNanos = options.backoffNanos();
        this.secondLockTimeout = options.secondLockMillis() > 0 ? options.secondLockMillis() + "ms" : null;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            this.dialect = Dialect.of(md.getDatabaseProductName(), md.getDatabaseProductVersion());
            ReentrantLock lock = null;
            if (dialect == Dialect.H2) {
                checkWriteDelay(c, md.getURL(), options.allowH2WriteDelay());
                if (!md.getURL().contains(":mem:")) {
                    lock = H2_FILE_LOCKS.computeIfAbsent(md.getURL(), u -> new ReentrantLock(true));
                }
            }
            this.serial = lock;
            this.readCommitted = c.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException e) {
            throw new LedgerStoreException("cannot connect to detect the database: " + Dialect.describe(e), e);
        }
    }

    /**
     * H2 writes committed changes to its file after {@code WRITE_DELAY} ms (default 500): a process killed in
     * that window loses commits whose receipts were already handed out. In-memory databases report 0.
     */
    private static void checkWriteDelay(Connection c, String url, boolean allow) throws SQLException {
        long delay = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (rs.next()) {
                delay = Math.max(delay, Long.parseLong(rs.getString(1).strip()));
            }
        }
        if (delay == 0) {
            return;
        }
        String message = String.format(Locale.ROOT, "the H2 database %s has WRITE_DELAY=%d: a committed entry may be"
                + " lost if the process dies within %d ms of its commit. Add ;WRITE_DELAY=0 to the JDBC URL"
                + " (e.g. jdbc:h2:file:./data/ledger;WRITE_DELAY=0), or accept the risk with"
                + " JdbcLedgerStore.builder(dataSource).allowH2WriteDelay(true)", url, delay, delay);
        if (!allow) {
            throw new LedgerStoreException(message);
        }
        LOG.warn("{}", message);
    }

    /** @return the detected dialect */
    public Dialect dialect() {
        return dialect;
    }

    // ---- transactions -------------------------------------------------------------------------------

    /**
     * Runs work in a transaction, retrying conflicts.
     *
     * @param work the work
     * @param <T>  its result type
     * @return its result after commit
     */
    public <T> T transact(StoreWork<T> work) {
        Objects.requireNonNull(work, "work");
        requireSchema();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                long cap = backoffNanos << Math.min(attempt - 2, 8);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
            }
            if (serial != null) {
                serial.lock();
            }
            try {
                return attempt(work);
            } catch (StoreConflictException e) {
                last = e;
            } finally {
                if (serial != null) {
                    serial.unlock();
                }
            }
        }
        throw new LedgerStoreException(String.format(Locale.ROOT,
                "%s transaction still conflicted after %d attempts: %s", describe(), maxAttempts,
                last.getMessage()), last);
    }

    private <T> T attempt(StoreWork<T> work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new LedgerStoreException("cannot get a connection: " + Dialect.describe(e), e);
        }
        JdbcTx tx = null;
        Throwable failure = null;
        try {
            c.setAutoCommit(false);
            if (!readCommitted) { // pgjdbc sends a statement per call, so only when the pool's default differs
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            tx = new JdbcTx(c, dialect, secondLockTimeout);
            T result = work.run(tx);
            tx.flush();
            tx.end();
            c.commit();
            tx.deleteRolledCredits();
            return result;
        } catch (SQLException e) {
            failure = e;
            if (Dialect.isConflict(e)) {
                throw new StoreConflictException("commit conflicted: " + Dialect.describe(e), e);
            }
            throw new LedgerStoreException("transaction failed: " + Dialect.describe(e), e);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (tx != null) {
                tx.end();
            }
            if (failure != null) {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
            try {
                c.close();
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /**
     * The sum of committed postings per account and unit.
     *
     * @return the totals
     */
    public Map<AccountRef, Map<Unit, Long>> postingTotals() {
        requireSchema();
        Map<AccountRef, Map<Unit, Long>> totals = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT account_type, owner, unit, SUM(amount) FROM ce_postings"
                     + " GROUP BY account_type, owner, unit ORDER BY account_type, owner, unit");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                totals.computeIfAbsent(EntryCodec.account(rs.getString(1), rs.getString(2)), k -> new LinkedHashMap<>())
                        .put(new Unit(rs.getString(3)), rs.getBigDecimal(4).longValueExact());
            }
        } catch (SQLException e) {
            throw new LedgerStoreException("summing postings failed: " + Dialect.describe(e), e);
        }
        return totals;
    }

    /** @return {@code jdbc:h2} or {@code jdbc:postgresql} */
    public String describe() {
        return "jdbc:" + dialect.id();
    }

    // ---- schema -------------------------------------------------------------------------------------

    /**
     * The schema version installed in the database.
     *
     * @return the highest installed version, 0 if the schema table does not exist or is empty
     */
    public int installedVersion() {
        try (Connection c = dataSource.getConnection()) {
            return installedVersion(c);
        } catch (SQLException e) {
            throw new LedgerStoreException("reading the schema version failed: " + Dialect.describe(e), e);
        }
    }

    private static int installedVersion(Connection c) throws SQLException {
        // inside a transaction, a savepoint keeps PostgreSQL's transaction usable after "no such table"
        java.sql.Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(version) FROM ce_schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (Dialect.isMissingTable(e)) {
                if (sp != null) {
                    c.rollback(sp);
                }
                return 0;
            }
            throw e;
        }
    }

    private void requireSchema() {
        if (schemaChecked) {
            return;
        }
        int installed = installedVersion();
        if (installed == 0) {
            throw new LedgerStoreException(String.format(Locale.ROOT,
                    "the %s database has no coin-economy schema (table ce_schema_version is missing or empty);"
                            + " call JdbcLedgerStore.createSchema() first", describe()));
        }
        check(installed);
        schemaChecked = true;
    }

    private void check(int installed) {
        if (installed > SCHEMA_VERSION) {
            throw new LedgerStoreException(String.format(Locale.ROOT,
                    "schema version %d is newer than this library's %d; upgrade coin-economy", installed,
                    SCHEMA_VERSION));
        }
        if (installed < SCHEMA_VERSION) {
            throw new LedgerStoreException(String.format(Locale.ROOT,
                    "schema version %d is older than this library's %d; call JdbcLedgerStore.createSchema() to migrate",
                    installed, SCHEMA_VERSION));
        }
    }

    /**
     * Creates the schema or migrates it to {@link #SCHEMA_VERSION}, applying each missing version's SQL file in
     * order. Idempotent; concurrent calls are serialised on PostgreSQL.
     *
     * @return the version installed before the call (0 if none)
     * @throws LedgerStoreException if the database's schema is newer than this library's, or a statement fails
     */
    public int migrate() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (dialect.migrationLock() != null) {
                    try (Statement st = c.createStatement()) {
                        st.execute(dialect.migrationLock());
                    }
                }
                int before = installedVersion(c);
                if (before > SCHEMA_VERSION) {
                    check(before);
                }
                for (int v = before + 1; v <= SCHEMA_VERSION; v++) {
                    for (String sql : statements(script(v))) {
                        try (Statement st = c.createStatement()) {
                            st.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO ce_schema_version (version, description) VALUES (?, ?)")) {
                        ps.setInt(1, v);
                        ps.setString(2, MIGRATIONS[v]);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                schemaChecked = false;
                return before;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerStoreException("creating the coin-economy schema failed: " + Dialect.describe(e), e);
        }
    }

    /**
     * The text of a migration for this dialect: {@code V<n>__<name>.<dialect>.sql} where the dialects need
     * different SQL, else the common {@code V<n>__<name>.sql}.
     *
     * @param version the version
     * @return the SQL script
     */
    String script(int version) {
        String common = String.format(Locale.ROOT, "V%d__%s", version, MIGRATIONS[version]);
        for (String name : new String[] {common + "." + dialect.id() + ".sql", common + ".sql"}) {
            try (InputStream in = JdbcEngine.class.getResourceAsStream(name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new LedgerStoreException("cannot read migration " + name, e);
            }
        }
        throw new LedgerStoreException("migration " + common + ".sql is missing from coin-economy-core");
    }

    /**
     * Splits a script into statements: {@code --} comments dropped, statements end with {@code ;} at a line's end.
     *
     * @param script the script
     * @return the statements
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (code.endsWith(";")) {
                sb.append(code, 0, code.length() - 1);
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(code);
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }
}
