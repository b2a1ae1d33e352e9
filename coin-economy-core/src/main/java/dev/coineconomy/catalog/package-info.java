/**
 * What is on sale: {@link dev.coineconomy.catalog.CoinPack coin packs} priced per region and channel,
 * {@link dev.coineconomy.catalog.Gift gifts} priced in coins, bundled in a versioned, immutable
 * {@link dev.coineconomy.catalog.Catalog}.
 *
 * <p>A gift's {@link dev.coineconomy.catalog.GiftAvailability} says where (the sender's region), when
 * (a half-open window) and in which {@link dev.coineconomy.catalog.GiftContext context} it is offered.
 * A {@link dev.coineconomy.catalog.CatalogSchedule} orders catalog versions by their effective instant;
 * {@link dev.coineconomy.catalog.CatalogFiles} loads a catalog from CSV files and reports bad input as a
 * {@link dev.coineconomy.catalog.CatalogFormatException}.
 */
package dev.coineconomy.catalog;
