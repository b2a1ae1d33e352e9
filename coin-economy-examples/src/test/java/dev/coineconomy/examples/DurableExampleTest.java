package dev.coineconomy.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@link DurableExample#main} twice on one directory: the second run starts from the first run's state. */
class DurableExampleTest {

    private static String runMain(Path dir) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            DurableExample.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The balance lines after a title, up to the next line that is not indented. */
    private static String balances(String output, String title) {
        int at = output.indexOf(title + ":\n");
        assertTrue(at >= 0, () -> "no '" + title + "' in\n" + output);
        StringBuilder sb = new StringBuilder();
        for (String line : output.substring(at + title.length() + 2).split("\n")) {
            if (!line.startsWith("  ")) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void secondRunStartsFromTheFirstRunsBalances(@TempDir Path dir) {
        String first = runMain(dir);
        assertTrue(first.contains("found 0 entries from earlier runs"), first);
        assertEquals("  ada        0 coins\n  bo         0 coins\n  cleo       0 diamonds\n",
                balances(first, "balances at start"));
        // ada: 330 - 2 x 100; bo: 330 - 3 x 30 - 5 x 1; cleo: 200 + 90 + 5 (1 coin = 1 diamond)
        String afterFirst = "  ada      130 coins\n  bo       235 coins\n  cleo     295 diamonds\n";
        assertEquals(afterFirst, balances(first, "balances at end"));
        assertTrue(first.contains("journal: 5 entries (5 added by this run)"), first);

        String second = runMain(dir);
        assertTrue(second.contains("found 5 entries from earlier runs"), second);
        assertEquals(afterFirst, balances(second, "balances at start"));
        assertEquals("  ada      260 coins\n  bo       470 coins\n  cleo     590 diamonds\n",
                balances(second, "balances at end"));
        assertTrue(second.contains("journal: 10 entries (5 added by this run)"), second);
    }
}
