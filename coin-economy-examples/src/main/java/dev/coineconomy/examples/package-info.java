/**
 * Runnable examples of coin-economy, written against the library's public API only.
 *
 * <p>{@link dev.coineconomy.examples.LiveStreamExample} simulates one live stream end to end — viewers
 * buy coin packs and gift a creator, the creator cashes out — and finishes with a conservation check
 * computed from the journal. {@link dev.coineconomy.examples.LiveStreamSimulation} runs it and returns
 * a {@link dev.coineconomy.examples.LiveStreamReport}; the other classes are its small helpers.
 *
 * <p>{@link dev.coineconomy.examples.DurableExample} keeps an economy in an H2 file database: run it twice and
 * the second run starts from the first run's balances.
 */
package dev.coineconomy.examples;
