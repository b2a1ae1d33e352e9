package dev.coineconomy.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Runs one simulated live stream and prints, in about 70 lines: the viewers the profile directory
 * refused ({@code NOT_ELIGIBLE} by reason), coins sold and granted, the refund and the chargeback (and the
 * restricted buyer), the stream's summary and top-5 leaderboard from {@code streamSummary} (checked
 * against the receipts), the creator's payouts (PAID, FAILED, PENDING), request and rejection counts, the
 * listener's event counts, the finance report of the simulated period per currency, the replay
 * {@code audit()} and a conservation check computed from the journal. Exits with status 1 if the audit
 * or the check fails.
 *
 * <pre>
 * mvn -B -q -pl coin-economy-examples -am compile exec:java
 * mvn -B -q -pl coin-economy-examples -am compile exec:java -Dexec.args=42
 * </pre>
 *
 * <p>The run is deterministic: the same seed always prints the same text. See
 * {@link LiveStreamSimulation} for what is simulated.
 */
public final class LiveStreamExample {

    /** Runs longer than this print progress lines (to standard error). */
    private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

    private LiveStreamExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optionally the seed, a decimal {@code long} (default
     *             {@value LiveStreamSimulation#DEFAULT_SEED})
     */
    public static void main(String[] args) {
        long seed = LiveStreamSimulation.DEFAULT_SEED;
        if (args.length > 0) {
            try {
                seed = Long.parseLong(args[0].trim());
            } catch (NumberFormatException e) {
                System.err.println(String.format(Locale.ROOT,
                        "usage: LiveStreamExample [seed]  (seed must be a whole number, got '%s')", args[0]));
                System.exit(2);
                return;
            }
        }
        long started = System.nanoTime();
        LiveStreamReport report = LiveStreamSimulation.run(LiveStreamSimulation.Settings.of(seed), message -> {
            if (System.nanoTime() - started > PROGRESS_AFTER_NANOS) {
                System.err.println(message);
            }
        });
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(report.text());
        out.flush();
        if (!report.summary().conservationOk() || !report.summary().auditClean()) {
            System.exit(1);
        }
    }
}
