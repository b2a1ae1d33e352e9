package dev.coineconomy.store;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/** Test databases: fresh H2 in-memory databases and schemas of the PostgreSQL given by system properties. */
final class Databases {

    static final String PG_URL = System.getProperty("ce.pg.url", "jdbc:postgresql://localhost:5432/coineconomy");
    static final String PG_USER = System.getProperty("ce.pg.user", "coineconomy");
    static final String PG_PASSWORD = System.getProperty("ce.pg.password", "coineconomy");
    private static final AtomicInteger H2_COUNTER = new AtomicInteger();

    private Databases() {
    }

    /** @return a pool on a new, empty in-memory H2 database (dropped when the pool shuts down) */
    static SimplePool h2Memory(int size) {
        String url = "jdbc:h2:mem:ce-test-" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=0";
        return new SimplePool(() -> DriverManager.getConnection(url, "sa", ""), size);
    }

    /**
     * A pool on a fresh PostgreSQL schema (dropped and recreated): the tests of each class use their own
     * schema. Fails under {@code CI=true} when PostgreSQL cannot be reached; skips otherwise.
     *
     * @param schema the schema, a plain lower-case identifier
     * @param size   the pool size
     * @return the pool
     */
    /**
     * A schema name unique to this checkout: test runs of different worktrees on one PostgreSQL do not
     * drop each other's schemas. A child JVM started in the same directory gets the same name.
     *
     * @param base the schema's base name, a plain lower-case identifier
     * @return the name to use
     */
    static String schema(String base) {
        return base + "_" + Integer.toHexString(System.getProperty("user.dir").hashCode() & 0xfffffff);
    }

    static SimplePool postgres(String schema, int size) {
        requirePostgres();
        try (Connection c = pgConnection(null); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate schema " + schema + ": " + e.getMessage(), e);
        }
        return new SimplePool(() -> pgConnection(schema), size);
    }

    /**
     * A pool on an existing PostgreSQL schema (not recreated).
     *
     * @param schema the schema
     * @param size   the pool size
     * @return the pool
     */
    static SimplePool postgresPool(String schema, int size) {
        requirePostgres();
        return new SimplePool(() -> pgConnection(schema), size);
    }

    static Connection pgConnection(String schema) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", PG_USER);
        p.setProperty("password", PG_PASSWORD);
        p.setProperty("connectTimeout", "5");
        if (schema != null) {
            p.setProperty("currentSchema", schema);
        }
        return DriverManager.getConnection(PG_URL, p);
    }

    private static volatile String pgProblem;
    private static volatile boolean pgChecked;

    /** Fails (CI) or skips (elsewhere) the calling test when PostgreSQL cannot be reached. */
    static void requirePostgres() {
        if (!pgChecked) {
            try (Connection c = pgConnection(null)) {
                pgProblem = c.isValid(5) ? null : "connection not valid";
            } catch (SQLException e) {
                pgProblem = e.getSQLState() + " " + e.getMessage();
            }
            pgChecked = true;
        }
        if (pgProblem == null) {
            return;
        }
        String message = "PostgreSQL at " + PG_URL + " (user " + PG_USER + ") cannot be reached: " + pgProblem
                + ". Start it as .ci/run does, or pass -Dce.pg.url=... -Dce.pg.user=... -Dce.pg.password=...";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        Assumptions.assumeTrue(false, "skipped: " + message);
    }
}
