package dev.coineconomy.store;

/** The in-memory store passes the store contract. */
class MemoryStoreContractTest implements LedgerStoreContract {

    @Override
    public LedgerStore newStore() {
        return LedgerStore.inMemory();
    }
}
