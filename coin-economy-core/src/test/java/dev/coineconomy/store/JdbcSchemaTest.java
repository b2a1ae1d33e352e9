package dev.coineconomy.store;

import dev.coineconomy.RequestId;
import dev.coineconomy.internal.jdbc.Dialect;
import dev.coineconomy.internal.jdbc.EntryCodec;
import dev.coineconomy.ledger.JournalEntry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema creation, migration and refusal of missing, older, newer or unreadable schemas (on H2). */
class JdbcSchemaTest {

    private static void exec(SimplePool pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aMissingSchemaIsRefusedUntilCreatedAndCreatingIsIdempotent() {
        try (SimplePool pool = Databases.h2Memory(2)) {
            JdbcLedgerStore store = JdbcLedgerStore.create(pool);
            assertEquals(0, store.schemaVersion());
            LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.transact(tx -> 1));
            assertTrue(e.getMessage().contains("no coin-economy schema") && e.getMessage().contains("createSchema()"),
                    e::getMessage);
            assertThrows(LedgerStoreException.class, store::postingTotals);
            store.createSchema();
            assertEquals(1, store.schemaVersion());
            assertEquals(JdbcLedgerStore.librarySchemaVersion(), store.schemaVersion());
            store.transact(tx -> tx.append(RequestId.of("p"), Entries.purchase("p", "u", 5, "USD", 9)));
            store.createSchema(); // up to date: changes nothing
            assertEquals(1, store.schemaVersion());
            assertEquals(1, (long) JdbcLedgerStore.create(pool).transact(StoreTransaction::entryCount));
        }
    }

    @Test
    void aNewerSchemaIsRefusedWithAnUpgradeHint() throws SQLException {
        try (SimplePool pool = Databases.h2Memory(2)) {
            JdbcLedgerStore.create(pool).createSchema();
            exec(pool, "INSERT INTO ce_schema_version (version, description) VALUES (3, 'from the future')");
            JdbcLedgerStore store = JdbcLedgerStore.create(pool);
            assertEquals(3, store.schemaVersion());
            LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.transact(tx -> 1));
            assertEquals("schema version 3 is newer than this library's 1; upgrade coin-economy", e.getMessage());
            e = assertThrows(LedgerStoreException.class, store::createSchema);
            assertEquals("schema version 3 is newer than this library's 1; upgrade coin-economy",
                    e.getCause() == null ? e.getMessage() : e.getMessage());
        }
    }

    @Test
    void anEmptyVersionTableIsRefused() throws SQLException {
        try (SimplePool pool = Databases.h2Memory(2)) {
            JdbcLedgerStore.create(pool).createSchema();
            exec(pool, "DELETE FROM ce_schema_version");
            LedgerStoreException e = assertThrows(LedgerStoreException.class,
                    () -> JdbcLedgerStore.create(pool).transact(tx -> 1));
            assertTrue(e.getMessage().contains("missing or empty"), e::getMessage);
        }
    }

    @Test
    void anEntryOfAKindThisLibraryDoesNotKnowIsReportedNotMisread() throws SQLException {
        try (SimplePool pool = Databases.h2Memory(2)) {
            JdbcLedgerStore store = JdbcLedgerStore.create(pool).createSchema();
            JournalEntry e = store.transact(tx -> tx.append(RequestId.of("g"), Entries.gift("g", "a", "b", 4, 2)));
            exec(pool, "UPDATE ce_entries SET kind = 'STREAM_TIP' WHERE sequence = " + e.sequence());
            LedgerStoreException x = assertThrows(LedgerStoreException.class,
                    () -> store.transact(tx -> tx.findEntry(RequestId.of("g"))));
            assertTrue(x.getMessage().contains("kind 'STREAM_TIP', unknown"), x::getMessage);
            assertEquals(Optional.empty(), store.transact(tx -> tx.findEntry(RequestId.of("other"))));
        }
    }

    @Test
    void onlyH2AndPostgresqlAreSupported() {
        assertEquals(Dialect.H2, Dialect.of("H2", "2.5.252"));
        assertEquals(Dialect.POSTGRESQL, Dialect.of("PostgreSQL", "15.18"));
        LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> Dialect.of("MySQL", "8.4"));
        assertEquals("unsupported database 'MySQL' 8.4: JdbcLedgerStore supports H2 and PostgreSQL", e.getMessage());
    }

    @Test
    void anUnreachableDatabaseIsALedgerStoreException() {
        SimplePool broken = new SimplePool(() -> {
            throw new SQLException("connection refused", "08001");
        }, 1);
        LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> JdbcLedgerStore.create(broken));
        assertTrue(e.getMessage().contains("08001"), e::getMessage);
        assertThrows(NullPointerException.class, () -> JdbcLedgerStore.create(null));
        assertThrows(IllegalArgumentException.class, () -> JdbcLedgerStore.builder(broken).maxAttempts(0));
    }

    @Test
    void theCodecRoundTripsEveryKindThroughColumnValues() {
        for (JournalEntry e : new JournalEntry[] {Entries.purchase("p", "u", 7, "EUR", 700).apply(3),
                Entries.gift("g", "u", "c", 20, 9).apply(4), Entries.withdrawal("w", "c", 9, "JPY", 3).apply(5)}) {
            Object[] row = EntryCodec.encode(e.receipt());
            assertEquals(e.receipt(), EntryCodec.decode(row));
            assertArrayEquals(row, EntryCodec.encode(EntryCodec.decode(row)));
        }
    }
}
