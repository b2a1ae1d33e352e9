package dev.coineconomy.internal.jdbc;

import dev.coineconomy.store.LedgerStoreException;

import java.sql.SQLException;
import java.util.Locale;

/** What differs between the supported databases; everything else is plain SQL shared by both. */
public enum Dialect {

    /** H2 2.x with the MVStore engine. */
    H2("h2", "SELECT NEXT VALUE FOR ce_entry_seq",
            "INSERT INTO ce_users (user_id, coins, diamonds, coins_received) SELECT ?, 0, 0, 0"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ce_users WHERE user_id = ?)",
            null),

    /** PostgreSQL (tested with 15). */
    POSTGRESQL("postgresql", "SELECT nextval('ce_entry_seq')",
            "INSERT INTO ce_users (user_id, coins, diamonds, coins_received) VALUES (?, 0, 0, 0)"
                    + " ON CONFLICT (user_id) DO NOTHING",
            // serialises concurrent createSchema() calls of several app instances (released at commit)
            "SELECT pg_advisory_xact_lock(4851370920615032113)");

    private final String id;
    private final String nextSequence;
    private final String insertUserIfAbsent;
    private final String migrationLock;

    Dialect(String id, String nextSequence, String insertUserIfAbsent, String migrationLock) {
        this.id = id;
        this.nextSequence = nextSequence;
        this.insertUserIfAbsent = insertUserIfAbsent;
        this.migrationLock = migrationLock;
    }

    /**
     * The dialect of a database product.
     *
     * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
     * @param version     its version, for the message
     * @return the dialect
     * @throws LedgerStoreException if the product is not supported
     */
    public static Dialect of(String productName, String version) {
        if ("H2".equals(productName)) {
            return H2;
        }
        if ("PostgreSQL".equals(productName)) {
            return POSTGRESQL;
        }
        throw new LedgerStoreException(String.format(Locale.ROOT,
                "unsupported database '%s' %s: JdbcLedgerStore supports H2 and PostgreSQL", productName, version));
    }

    /** @return the short name, also the suffix of the migration files */
    public String id() {
        return id;
    }

    /** @return a query returning the next journal sequence */
    String nextSequence() {
        return nextSequence;
    }

    /** @return an insert of an all-zero user row that does nothing if the row exists; binds the id (H2: twice) */
    String insertUserIfAbsent() {
        return insertUserIfAbsent;
    }

    /** @return whether {@link #insertUserIfAbsent()} binds the user id twice */
    boolean insertUserBindsTwice() {
        return this == H2;
    }

    /** @return a statement serialising schema migrations, or {@code null} */
    String migrationLock() {
        return migrationLock;
    }

    /**
     * Whether an error is a transient conflict that a retry of the whole transaction may resolve:
     * serialization failure or deadlock (40001, 40P01), PostgreSQL's lock not available (55P03), H2's lock
     * timeout (HYT00) and concurrent update (90131).
     *
     * @param e the error
     * @return whether to retry
     */
    static boolean isConflict(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                    || state.equals("HYT00") || state.equals("90131"))) {
                return true;
            }
            if (x.getErrorCode() == 50200 || x.getErrorCode() == 90131 || x.getErrorCode() == 40001) {
                return true; // H2's lock timeout, concurrent update and deadlock (PostgreSQL's vendor code is 0)
            }
        }
        return false;
    }

    /**
     * @param e the error
     * @return whether it is a unique (or primary key) violation, SQLState 23505 in both databases
     */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param e the error
     * @return whether a table does not exist (PostgreSQL 42P01, H2 42S02 / 42S04 and codes 42102 / 42104)
     */
    static boolean isMissingTable(SQLException e) {
        String state = e.getSQLState();
        return "42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state)
                || e.getErrorCode() == 42102 || e.getErrorCode() == 42104;
    }

    /**
     * A short description of an error for messages: SQLState, vendor code and message.
     *
     * @param e the error
     * @return the description
     */
    static String describe(SQLException e) {
        return String.format(Locale.ROOT, "SQLState %s (vendor code %d): %s", e.getSQLState(), e.getErrorCode(),
                e.getMessage());
    }
}
