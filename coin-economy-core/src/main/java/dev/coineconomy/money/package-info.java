/**
 * Exact units of the economy: real {@link dev.coineconomy.money.Money}, virtual
 * {@link dev.coineconomy.money.Coins} and {@link dev.coineconomy.money.Diamonds}, and exact
 * {@link dev.coineconomy.money.Ratio rational rates}. All types are immutable value types.
 */
package dev.coineconomy.money;
