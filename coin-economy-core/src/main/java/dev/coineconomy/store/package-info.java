/**
 * Where an economy keeps its state: the {@link dev.coineconomy.store.LedgerStore} SPI, its in-memory
 * implementation ({@link dev.coineconomy.store.LedgerStore#inMemory()}, the default) and
 * {@code JdbcLedgerStore} for H2 and PostgreSQL through {@code java.sql}.
 *
 * <p>A store runs each command of the facade as one atomic unit of work ({@link
 * dev.coineconomy.store.StoreTransaction}): journal entry, balances, counters and request id commit together
 * or not at all. Hosts pick a store; they do not call a transaction's methods themselves.
 */
package dev.coineconomy.store;
