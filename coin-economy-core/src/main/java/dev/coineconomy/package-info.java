/**
 * The coin economy's facade, {@link dev.coineconomy.CoinEconomy}, with its identifiers
 * ({@link dev.coineconomy.UserId}, {@link dev.coineconomy.RequestId}, {@link dev.coineconomy.Region},
 * {@link dev.coineconomy.Channel}), receipts, wallets and the one business exception,
 * {@link dev.coineconomy.EconomyException} with its {@link dev.coineconomy.RejectionCode}.
 */
package dev.coineconomy;
