package dev.coineconomy.store;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDBC store on PostgreSQL passes the store contract; each test gets a fresh schema. PostgreSQL comes
 * from {@code -Dce.pg.url/user/password}; unreachable, the tests fail under {@code CI=true} and are skipped
 * otherwise.
 */
class PostgresStoreContractTest implements LedgerStoreContract {

    private SimplePool pool;

    @Override
    public LedgerStore newStore() {
        pool = Databases.postgres(Databases.schema("ce_contract"), 8);
        JdbcLedgerStore store = JdbcLedgerStore.builder(pool).maxAttempts(10).backoff(Duration.ofMillis(1)).build();
        assertEquals("jdbc:postgresql", store.describe());
        return store.createSchema();
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
