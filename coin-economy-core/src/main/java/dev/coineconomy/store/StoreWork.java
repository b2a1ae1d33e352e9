package dev.coineconomy.store;

/**
 * One unit of work run inside a store transaction. A store may run it more than once (after a
 * {@link StoreConflictException}); every attempt starts from committed state, so the work must derive
 * everything it does from what it reads through the transaction.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface StoreWork<T> {

    /**
     * Runs the work.
     *
     * @param tx the transaction
     * @return the result, returned by {@link LedgerStore#transact} once the transaction has committed
     */
    T run(StoreTransaction tx);
}
