/**
 * Performance measurements of issue 2: the JMH {@link dev.coineconomy.examples.bench.GiftBenchmark}
 * (facade {@code sendGift} against an essential-work {@link dev.coineconomy.examples.bench.EssentialGiftLedger}
 * baseline, one and two threads), the retained heap per journal entry
 * ({@link dev.coineconomy.examples.bench.HeapPerEntry}), and {@link dev.coineconomy.examples.bench.BenchMain},
 * which runs both and prints the numbers beside the targets. See {@code docs/performance.md}.
 *
 * <p>{@link dev.coineconomy.examples.bench.DurableGiftBench} measures gifts per second on a durable
 * {@code JdbcLedgerStore} (H2 file, PostgreSQL) with 1 and 8 threads. See {@code docs/durability.md}.
 */
package dev.coineconomy.examples.bench;
