/**
 * The JDBC implementation behind {@link dev.coineconomy.store.JdbcLedgerStore}: dialects (H2, PostgreSQL),
 * schema migration from the SQL files beside these classes, the receipt codec and the store transaction.
 * Not exported.
 */
package dev.coineconomy.internal.jdbc;
