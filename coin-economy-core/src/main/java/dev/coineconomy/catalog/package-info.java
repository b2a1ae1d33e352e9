/**
 * What is on sale: {@link dev.coineconomy.catalog.CoinPack coin packs} priced per region and channel,
 * {@link dev.coineconomy.catalog.Gift gifts} priced in coins, bundled in a versioned, immutable
 * {@link dev.coineconomy.catalog.Catalog}.
 */
package dev.coineconomy.catalog;
