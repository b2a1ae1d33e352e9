package dev.coineconomy.store;

import dev.coineconomy.internal.jdbc.JdbcEngine;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.Unit;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link LedgerStore} in a relational database through {@code java.sql}: H2 2.x or PostgreSQL (15 is
 * tested), detected from the connection's metadata. Bring any {@link DataSource} (a connection pool in
 * production); the store takes one connection per transaction and gives it back.
 *
 * <pre>{@code
 * JdbcLedgerStore store = JdbcLedgerStore.create(dataSource);
 * store.createSchema();   // creates or migrates the tables; a no-op when up to date
 * }</pre>
 *
 * <p>Each transaction runs at READ COMMITTED with autocommit off. A user's debits lock the user's row
 * ({@code SELECT ... FOR UPDATE}); diamond credits insert rows into {@code ce_credits} and lock nothing, so
 * gifts to one hot creator do not queue. Request ids are unique in the database: two instances racing on one
 * request apply it once. Serialization failures, deadlocks, lock timeouts and request-id races are retried
 * with jittered backoff, a bounded number of times.
 *
 * <p>Durability: a receipt is handed out only after {@code commit()} returned. PostgreSQL makes a commit
 * durable before that (with its default {@code synchronous_commit=on}). H2 does so only with
 * {@code WRITE_DELAY=0} in the URL, and even then writes without fsync (safe against a killed process, not
 * against power loss); {@link #create} refuses an H2 database with another write delay unless
 * {@link Builder#allowH2WriteDelay} allows it.
 *
 * <p>The schema is versioned (table {@code ce_schema_version}); its SQL files are in coin-economy-core's
 * resources under {@code dev/coineconomy/internal/jdbc/}. A database whose schema is missing, older or newer
 * than this library's is refused with a {@link LedgerStoreException}. Thread-safe.
 */
public final class JdbcLedgerStore implements LedgerStore {

    /** Default number of attempts of a transaction that keeps conflicting. */
    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    /** Default wait for a second user's row lock on PostgreSQL: 200 ms. */
    public static final Duration DEFAULT_SECOND_LOCK_TIMEOUT = Duration.ofMillis(200);

    private final JdbcEngine engine;

    private JdbcLedgerStore(JdbcEngine engine) {
        this.engine = engine;
    }

    /**
     * A store with default options on a data source. Connects once to detect the database; does not touch
     * the schema.
     *
     * @param dataSource the data source
     * @return the store
     * @throws NullPointerException if {@code dataSource} is {@code null}
     * @throws LedgerStoreException if the database cannot be reached or is neither H2 nor PostgreSQL, or is an
     *                              H2 file database with {@code WRITE_DELAY} other than 0 (see
     *                              {@link Builder#allowH2WriteDelay})
     */
    public static JdbcLedgerStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * A builder of a store with options.
     *
     * @param dataSource the data source
     * @return the builder
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** @return the schema version this library reads and writes */
    public static int librarySchemaVersion() {
        return JdbcEngine.SCHEMA_VERSION;
    }

    /**
     * Creates the tables, or migrates an older schema to this library's version. Idempotent; concurrent
     * calls from several instances are serialised on PostgreSQL.
     *
     * @return this store
     * @throws LedgerStoreException if the schema is newer than this library's or a statement fails
     */
    public JdbcLedgerStore createSchema() {
        engine.migrate();
        return this;
    }

    /**
     * The schema version installed in the database.
     *
     * @return the version, 0 if there is no schema
     * @throws LedgerStoreException if the database fails
     */
    public int schemaVersion() {
        return engine.installedVersion();
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
        return engine.transact(work);
    }

    @Override
    public Map<AccountRef, Map<Unit, Long>> postingTotals() {
        return engine.postingTotals();
    }

    /** @return {@code "jdbc:h2"} or {@code "jdbc:postgresql"} */
    @Override
    public String describe() {
        return engine.describe();
    }

    /** Options of a {@link JdbcLedgerStore}. Not thread-safe. */
    public static final class Builder {

        private final DataSource dataSource;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration backoff = Duration.ofMillis(1);
        private Duration secondLockTimeout = DEFAULT_SECOND_LOCK_TIMEOUT;
        private boolean allowH2WriteDelay;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * How often a conflicting transaction is attempted before the store gives up with a
         * {@link LedgerStoreException}. Default {@value JdbcLedgerStore#DEFAULT_MAX_ATTEMPTS}.
         *
         * @param maxAttempts at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts < 1}
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The base of the backoff between attempts: attempt n waits a random time between half and all of
         * {@code backoff × 2^(n-2)} (at most 256 × backoff). Default 1 ms.
         *
         * @param backoff not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code backoff} is negative or longer than a minute
         */
        public Builder backoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("backoff must be between 0 and 1 minute, got " + backoff);
            }
            this.backoff = backoff;
            return this;
        }

        /**
         * PostgreSQL: how long a transaction that already holds one user's row lock waits for another user's row
         * (a fractional-ratio gift locks the sender, then the creator). Two users gifting each other lock in
         * opposite orders; PostgreSQL breaks such a deadlock only after its {@code deadlock_timeout} (1 s by
         * default), while every transaction queued behind either row waits too. With this timeout the waiter is
         * rolled back sooner and retried like any conflict. {@link Duration#ZERO} leaves deadlocks to PostgreSQL.
         * Default {@link JdbcLedgerStore#DEFAULT_SECOND_LOCK_TIMEOUT 200 ms}. Ignored on H2, which detects
         * deadlocks at once.
         *
         * @param timeout between 0 and 1 minute; whole milliseconds
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is negative or longer than a minute
         */
        public Builder secondLockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("timeout must be between 0 and 1 minute, got " + timeout);
            }
            this.secondLockTimeout = timeout;
            return this;
        }

        /**
         * Whether to accept an H2 file database whose {@code WRITE_DELAY} is not 0 (H2's default is 500 ms).
         * With a write delay, H2 writes a commit to its file up to that long after {@code commit()} returns, so a
         * receipt already handed to the host is lost if the process dies in between. By default {@link #build()}
         * refuses such a database with a {@link LedgerStoreException} that says how to fix the URL
         * ({@code ;WRITE_DELAY=0}); allowed, it logs a warning instead. Default {@code false}.
         *
         * @param allow whether to accept a write delay
         * @return this builder
         */
        public Builder allowH2WriteDelay(boolean allow) {
            this.allowH2WriteDelay = allow;
            return this;
        }

        /**
         * Builds the store; connects once to detect the database (and, on H2, its write delay).
         *
         * @return the store
         * @throws LedgerStoreException if the database cannot be reached or is neither H2 nor PostgreSQL, or is an
         *                              H2 database with a write delay that {@link #allowH2WriteDelay} does not
         *                              allow
         */
        public JdbcLedgerStore build() {
            return new JdbcLedgerStore(new JdbcEngine(dataSource, new JdbcEngine.Options(maxAttempts,
                    backoff.toNanos(), secondLockTimeout.toMillis(), allowH2WriteDelay)));
        }
    }
}
