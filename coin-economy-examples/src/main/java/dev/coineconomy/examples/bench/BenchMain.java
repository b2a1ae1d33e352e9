package dev.coineconomy.examples.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the performance measurements of issue 2 and prints them beside the targets: the JMH
 * {@link GiftBenchmark} (facade and baseline, one and two threads) and then {@link HeapPerEntry} in a JVM
 * of its own.
 *
 * <p>Arguments are JMH's command-line options (e.g. {@code -f 1 -wi 3 -i 5 -prof gc}; with no benchmark
 * pattern it runs {@code GiftBenchmark}), plus {@code --no-heap} to skip the heap measurement and
 * {@code --heap-only} to run only it. Garbage is collected between iterations unless {@code -gc false}.
 * Exits with status 0 whether or not a target is met: the numbers are the output.
 */
public final class BenchMain {

    /** Facade single-thread throughput target, gifts/s. */
    static final double TARGET_GIFTS_PER_SECOND = 2_000_000;
    /** Facade single-thread throughput target as a fraction of the baseline's. */
    static final double TARGET_RATIO = 0.33;
    /** Two-thread over one-thread facade throughput target. */
    static final double TARGET_SCALING = 1.5;
    /** Gift-with-stream over plain-gift throughput target (issue 5). */
    static final double TARGET_STREAM_RATIO = 0.8;
    /** Most time eligibility and limit checks may add to the plain gift path (issue 5). */
    static final double TARGET_CHECK_OVERHEAD = 0.20;
    /** Retained heap per journal entry target, bytes. */
    static final double TARGET_BYTES_PER_ENTRY = 96;

    private static final Pattern HEAP_LINE = Pattern.compile("HEAP idLength=(\\d+) .* perEntry=([0-9.]+) B");

    private BenchMain() {
    }

    /** Throughput of one benchmark run. */
    record Throughput(String name, int threads, double mean, double min, double max, long samples) {
    }

    /**
     * Runs the measurements.
     *
     * @param args JMH options, {@code --no-heap}, {@code --heap-only}
     * @throws Exception if JMH or the heap measurement fails
     */
    public static void main(String[] args) throws Exception {
        boolean runJmh = true;
        boolean runHeap = true;
        List<String> jmhArgs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--no-heap")) {
                runHeap = false;
            } else if (a.equals("--heap-only")) {
                runJmh = false;
            } else if (!a.isBlank()) {
                jmhArgs.add(a);
            }
        }
        Map<String, Throughput> gifts = new LinkedHashMap<>();
        if (runJmh) {
            CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
            OptionsBuilder options = new OptionsBuilder();
            options.parent(cmd);
            if (cmd.getIncludes().isEmpty()) {
                options.include(GiftBenchmark.class.getName());
                options.include(GiftFeatureBenchmark.class.getName());
            }
            if (!cmd.shouldDoGC().hasValue()) {
                options.shouldDoGC(true);
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult r : results) {
                String benchmark = r.getParams().getBenchmark();
                String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                String features = r.getParams().getParam("features");
                if (features != null) {
                    name = features;
                }
                gifts.put(name, throughput(name, r));
            }
        }
        Map<Integer, Double> heap = new LinkedHashMap<>();
        if (runHeap) {
            heap = runHeapPerEntry();
        }
        System.out.println(summary(gifts, heap));
    }

    static Throughput throughput(String name, RunResult r) {
        int threads = r.getParams().getThreads();
        Statistics s = r.getPrimaryResult().getStatistics();
        String unit = r.getPrimaryResult().getScoreUnit();
        if (!unit.equals("ns/op")) {
            throw new IllegalStateException("expected ns/op scores, got " + unit);
        }
        // the score is nanoseconds per gift per thread; the threads ran side by side
        return new Throughput(name, threads, threads * 1e9 / s.getMean(), threads * 1e9 / s.getMax(),
                threads * 1e9 / s.getMin(), s.getN());
    }

    private static Map<Integer, Double> runHeapPerEntry() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                HeapPerEntry.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Map<Integer, Double> perEntry = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(line);
                Matcher m = HEAP_LINE.matcher(line);
                if (m.find()) {
                    perEntry.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
                }
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("HeapPerEntry exited with status " + status);
        }
        return perEntry;
    }

    static String summary(Map<String, Throughput> gifts, Map<Integer, Double> heap) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n== coin-economy performance (%d cores, %s %s) ==%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        if (!gifts.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%-10s %7s %14s %14s %14s %7s%n",
                    "benchmark", "threads", "gifts/s mean", "slowest iter", "fastest iter", "iters"));
            for (Throughput t : gifts.values()) {
                sb.append(String.format(Locale.ROOT, "%-10s %7d %,14.0f %,14.0f %,14.0f %7d%n",
                        t.name(), t.threads(), t.mean(), t.min(), t.max(), t.samples()));
            }
        }
        Throughput f1 = gifts.get("facade1");
        Throughput f2 = gifts.get("facade2");
        Throughput b1 = gifts.get("baseline1");
        Throughput b2 = gifts.get("baseline2");
        if (f1 != null) {
            sb.append(check("facade 1 thread, gifts/s", f1.mean(), TARGET_GIFTS_PER_SECOND, "%,.0f"));
        }
        if (f1 != null && b1 != null) {
            sb.append(check("facade / baseline, 1 thread", f1.mean() / b1.mean(), TARGET_RATIO, "%.3f"));
        }
        if (f2 != null && b2 != null) {
            sb.append(String.format(Locale.ROOT, "  %-34s %10.3f  (no target)%n", "facade / baseline, 2 threads",
                    f2.mean() / b2.mean()));
        }
        if (f1 != null && f2 != null) {
            sb.append(check("facade 2 threads / 1 thread", f2.mean() / f1.mean(), TARGET_SCALING, "%.3f"));
        }
        if (b1 != null && b2 != null) {
            sb.append(String.format(Locale.ROOT, "  %-34s %10.3f  (no target)%n", "baseline 2 threads / 1 thread",
                    b2.mean() / b1.mean()));
        }
        Throughput plain = gifts.get("plain");
        Throughput stream = gifts.get("stream");
        Throughput checked = gifts.get("checked");
        if (plain != null && stream != null) {
            sb.append(check("gift with stream / plain", stream.mean() / plain.mean(), TARGET_STREAM_RATIO, "%.3f"));
        }
        if (plain != null && checked != null) {
            double added = plain.mean() / checked.mean() - 1;
            sb.append(String.format(Locale.ROOT, "  %-34s %9.1f%%  target <= %.0f%%: %s%n",
                    "eligibility + limits add", 100 * added, 100 * TARGET_CHECK_OVERHEAD,
                    added <= TARGET_CHECK_OVERHEAD ? "met" : "MISSED"));
        }
        for (Map.Entry<Integer, Double> e : heap.entrySet()) {
            String label = "heap B/entry, " + e.getKey() + "-char ids";
            sb.append(String.format(Locale.ROOT, "  %-34s %10.1f  target <= %.0f: %s%n", label, e.getValue(),
                    TARGET_BYTES_PER_ENTRY, e.getValue() <= TARGET_BYTES_PER_ENTRY ? "met" : "MISSED"));
        }
        return sb.toString();
    }

    private static String check(String label, double value, double target, String format) {
        return String.format(Locale.ROOT, "  %-34s %10s  target >= %s: %s%n", label,
                String.format(Locale.ROOT, format, value), String.format(Locale.ROOT, format, target),
                value >= target ? "met" : "MISSED");
    }
}
