package dev.coineconomy.store;

import dev.coineconomy.internal.MemoryStore;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.Unit;

import java.util.Map;

/**
 * Where an economy keeps its journal, balances and request ids. The facade runs every command as one
 * {@link #transact transaction}; a store makes it atomic and isolated per user (see
 * {@link StoreTransaction} for the locking model) and retries it on transient conflicts.
 *
 * <p>Two implementations pass the same contract: {@link #inMemory()} (the default; lost when the JVM
 * exits) and {@code JdbcLedgerStore} (H2 or PostgreSQL through {@code java.sql}). Implementations are
 * thread-safe.
 */
public interface LedgerStore extends AutoCloseable {

    /**
     * A new, empty in-memory store.
     *
     * @return the store
     */
    static LedgerStore inMemory() {
        return new MemoryStore();
    }

    /**
     * Runs work in one transaction and commits it. If the work throws, nothing it did is kept and the
     * exception propagates. If a store operation throws {@link StoreConflictException}, the attempt is
     * rolled back and the work runs again, a bounded number of times.
     *
     * @param work the work
     * @param <T>  its result type
     * @return the work's result, after commit
     * @throws LedgerStoreException if the store fails or gives up after repeated conflicts
     */
    <T> T transact(StoreWork<T> work);

    /**
     * The sum of all committed postings per account and unit, computed from the stored postings (not
     * from cached balances).
     *
     * @return the totals; accounts without postings are absent
     */
    Map<AccountRef, Map<Unit, Long>> postingTotals();

    /** @return a short description for logs, e.g. {@code "in-memory"} or {@code "jdbc:postgresql"} */
    String describe();

    /** Releases resources the store holds (not the host's {@code DataSource}). Idempotent. */
    @Override
    default void close() {
    }
}
