package dev.coineconomy.store;

import dev.coineconomy.FinanceWorkedExampleTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The finance worked history ({@link FinanceWorkedExampleTest#workedHistory}) on the JDBC stores: every new
 * receipt kind (grant, refund, chargeback, payout settled and failed) and its postings round-trip through
 * {@code ce_entries}/{@code ce_postings}, the per-user records (lots, payouts) and counters (debt, in payout)
 * live in the database, and the report and audit computed from the stored journal are the same, in cents.
 */
class FinanceJdbcTest {

    @Test
    void workedHistoryOnH2() {
        try (SimplePool pool = Databases.h2Memory(4);
             JdbcLedgerStore store = JdbcLedgerStore.builder(pool).maxAttempts(10).backoff(Duration.ofMillis(1)).build()) {
            store.createSchema();
            FinanceWorkedExampleTest.workedHistory(store);
        }
    }

    @Test
    void workedHistoryOnPostgres() {
        try (SimplePool pool = Databases.postgres("ce_finance", 4);
             JdbcLedgerStore store = JdbcLedgerStore.builder(pool).maxAttempts(10).backoff(Duration.ofMillis(1)).build()) {
            store.createSchema();
            FinanceWorkedExampleTest.workedHistory(store);
        }
    }
}
