package dev.coineconomy.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM of the crash tests, run on this test class path: started, left to write until it printed some
 * lines, killed with SIGKILL ({@code destroyForcibly}) after a chosen delay; then every line it printed.
 */
final class KilledChild {

    private KilledChild() {
    }

    /**
     * Runs a child and kills it.
     *
     * @param mainClass  the child's main class
     * @param args       its arguments
     * @param startLines how many lines it must print before the kill delay starts
     * @param killAfter  the delay after those lines, in milliseconds
     * @return every line the child printed before it died
     * @throws Exception if the child cannot be started or waited for
     */
    static List<String> runAndKill(Class<?> mainClass, List<String> args, int startLines, long killAfter)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child died
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (size(lines) < startLines && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(10); // until the child writes
        }
        assertTrue(child.isAlive(), () -> mainClass.getSimpleName() + " died on its own");
        Thread.sleep(killAfter);
        child.destroyForcibly();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the killed child did not exit");
        reader.join(5_000);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static int size(List<String> lines) {
        synchronized (lines) {
            return lines.size();
        }
    }
}
