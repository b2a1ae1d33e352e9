package dev.coineconomy.store;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** The JDBC store on an in-memory H2 database (a new one per test) passes the store contract. */
class H2StoreContractTest implements LedgerStoreContract {

    private SimplePool pool;

    @Override
    public LedgerStore newStore() {
        pool = Databases.h2Memory(8);
        JdbcLedgerStore store = JdbcLedgerStore.builder(pool).maxAttempts(10).backoff(Duration.ofMillis(1)).build();
        assertDescribed(store);
        return store.createSchema();
    }

    private static void assertDescribed(JdbcLedgerStore store) {
        org.junit.jupiter.api.Assertions.assertEquals("jdbc:h2", store.describe());
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
