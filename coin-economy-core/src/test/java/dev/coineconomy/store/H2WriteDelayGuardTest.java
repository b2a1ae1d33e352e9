package dev.coineconomy.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC store refuses an H2 file database whose commits are written late ({@code WRITE_DELAY} other than
 * 0, H2's default being 500 ms) unless the host allows it, and says how to fix the URL.
 */
class H2WriteDelayGuardTest {

    private static SimplePool pool(String url) {
        return new SimplePool(() -> DriverManager.getConnection(url, "sa", ""), 2);
    }

    @Test
    void fileDatabaseWithDefaultWriteDelayIsRefusedWithTheFix(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        try (SimplePool pool = pool(url)) {
            LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> JdbcLedgerStore.create(pool));
            assertTrue(e.getMessage().contains("WRITE_DELAY=500"), e::getMessage);
            assertTrue(e.getMessage().contains("Add ;WRITE_DELAY=0 to the JDBC URL"), e::getMessage);
            assertTrue(e.getMessage().contains("allowH2WriteDelay(true)"), e::getMessage);
        }
    }

    @Test
    void explicitNonZeroWriteDelayIsRefusedToo(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=50";
        try (SimplePool pool = pool(url)) {
            LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> JdbcLedgerStore.create(pool));
            assertTrue(e.getMessage().contains("WRITE_DELAY=50:"), e::getMessage);
        }
    }

    @Test
    void allowedWriteDelayBuildsAWorkingStore(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        try (SimplePool pool = pool(url)) {
            JdbcLedgerStore store = JdbcLedgerStore.builder(pool).allowH2WriteDelay(true).build().createSchema();
            assertEquals(JdbcLedgerStore.librarySchemaVersion(), store.schemaVersion());
            assertEquals(0L, store.transact(StoreTransaction::entryCount));
        }
    }

    @Test
    void durableFileDatabaseAndInMemoryDatabaseAreAccepted(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=0";
        try (SimplePool pool = pool(url)) {
            assertEquals("jdbc:h2", JdbcLedgerStore.create(pool).createSchema().describe());
        }
        try (SimplePool pool = Databases.h2Memory(1)) {
            assertEquals("jdbc:h2", JdbcLedgerStore.create(pool).describe());
        }
    }

    @Test
    void secondLockTimeoutIsValidated() {
        try (SimplePool pool = Databases.h2Memory(1)) {
            JdbcLedgerStore.Builder b = JdbcLedgerStore.builder(pool);
            assertThrows(IllegalArgumentException.class, () -> b.secondLockTimeout(Duration.ofMillis(-1)));
            assertThrows(IllegalArgumentException.class, () -> b.secondLockTimeout(Duration.ofMinutes(2)));
            assertThrows(NullPointerException.class, () -> b.secondLockTimeout(null));
            assertEquals("jdbc:h2", b.secondLockTimeout(Duration.ZERO).build().describe());
        }
    }
}
