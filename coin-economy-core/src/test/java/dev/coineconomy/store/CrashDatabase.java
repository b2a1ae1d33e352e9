package dev.coineconomy.store;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * A database for the crash tests: its JDBC URL and credentials (handed to the child JVM) and how the test opens
 * a fresh pool on it after each kill. The factories create the store's schema first.
 *
 * @param url      the JDBC URL, including the schema on PostgreSQL
 * @param user     the user
 * @param password the password
 * @param pools    opens a pool on the database
 */
record CrashDatabase(String url, String user, String password, PoolFactory pools) {

    /** Opens a pool on the database. */
    interface PoolFactory {
        /** @return a new pool */
        SimplePool open();
    }

    /**
     * An H2 file database with {@code WRITE_DELAY=0}: H2 writes each commit to the file before {@code commit()}
     * returns (durable against a killed process; H2 does not fsync per commit, so not against power loss).
     *
     * @param dir the directory of the database file
     * @return the database, its schema created
     */
    static CrashDatabase h2File(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=0";
        return create(new CrashDatabase(url, "sa", "",
                () -> new SimplePool(() -> DriverManager.getConnection(url, "sa", ""), 2)));
    }

    /**
     * A fresh schema of the test PostgreSQL.
     *
     * @param schemaBase the schema's base name (made unique per checkout)
     * @return the database, its schema created
     */
    static CrashDatabase postgres(String schemaBase) {
        String schema = Databases.schema(schemaBase);
        Databases.postgres(schema, 1).close(); // drops and recreates the schema
        String url = Databases.PG_URL + (Databases.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return create(new CrashDatabase(url, Databases.PG_USER, Databases.PG_PASSWORD,
                () -> Databases.postgresPool(schema, 2)));
    }

    private static CrashDatabase create(CrashDatabase db) {
        try (SimplePool pool = db.pools().open()) {
            JdbcLedgerStore.create(pool).createSchema();
        }
        return db;
    }
}
