/**
 * Performance measurements of issue 2: the JMH {@link dev.coineconomy.examples.bench.GiftBenchmark}
 * (facade {@code sendGift} against an essential-work {@link dev.coineconomy.examples.bench.EssentialGiftLedger}
 * baseline, one and two threads), the retained heap per journal entry
 * ({@link dev.coineconomy.examples.bench.HeapPerEntry}), and {@link dev.coineconomy.examples.bench.BenchMain},
 * which runs both and prints the numbers beside the targets. See {@code docs/performance.md}.
 */
package dev.coineconomy.examples.bench;
