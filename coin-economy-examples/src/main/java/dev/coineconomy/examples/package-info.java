/**
 * Runnable examples of coin-economy, written against the library's public API only.
 *
 * <p>{@link dev.coineconomy.examples.LiveStreamExample} simulates one live stream end to end — viewers
 * buy coin packs and gift a creator, the creator cashes out — and finishes with a conservation check
 * computed from the journal. {@link dev.coineconomy.examples.LiveStreamSimulation} runs it and returns
 * a {@link dev.coineconomy.examples.LiveStreamReport}; the other classes are its small helpers.
 */
package dev.coineconomy.examples;
