package dev.coineconomy.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact journal stores what it is given: every field of every row and the exact request id bytes,
 * whatever their length (the per-chunk key width adapts; longer keys overflow), from one thread or many.
 */
class JournalTest {

    private static final int CHUNK = 4096;

    /** A key of exactly {@code bytes} UTF-8 bytes, unique per {@code n}, with a multi-byte character when long enough. */
    private static String key(int n, int bytes) {
        StringBuilder sb = new StringBuilder();
        String digits = Integer.toString(n);
        if (bytes >= digits.length() + 3 + 2) {
            sb.append("\u00e9");                    // 2 bytes
            sb.append("\u20ac");                    // 3 bytes
        }
        int used = sb.toString().getBytes(StandardCharsets.UTF_8).length;
        while (used + digits.length() < bytes) {
            sb.append('x');
            used++;
        }
        return sb.append(digits).toString();
    }

    private static int lengthFor(int i) {
        // three chunks of 12-byte keys, then one of 36, then a mix with rare long keys
        if (i < 3 * CHUNK) {
            return 12;
        }
        if (i < 4 * CHUNK) {
            return 36;
        }
        return i % 97 == 0 ? 300 + i % 85 : 8 + i % 20;
    }

    @Test
    void everyFieldAndKeyRoundTripsAcrossChunksOfDifferentKeyWidths() {
        Journal journal = new Journal();
        int n = 7 * CHUNK + 123;
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] k = key(i, lengthFor(i)).getBytes(StandardCharsets.UTF_8);
            assertEquals(Math.min(lengthFor(i), 384), k.length, "test key length");
            keys.add(k);
            int slot = journal.append((byte) (1 + i % 3), 1_000_000_000L * i + i, i, -1 - i, i % 7 - 1,
                    Long.MAX_VALUE - i, -i, k);
            assertEquals(i, slot);
        }
        assertEquals(n, journal.committedSize());
        for (int i = 0; i < n; i++) {
            assertTrue(journal.isCommitted(i));
            assertEquals((byte) (1 + i % 3), journal.kind(i), "kind " + i);
            assertEquals(1_000_000_000L * i + i, journal.instant(i), "instant " + i);
            assertEquals(i, journal.userA(i), "userA " + i);
            assertEquals(-1 - i, journal.userB(i), "userB " + i);
            assertEquals(i % 7 - 1, journal.item(i), "item " + i);
            assertEquals(Long.MAX_VALUE - i, journal.amount1(i), "amount1 " + i);
            assertEquals(-i, journal.amount2(i), "amount2 " + i);
            byte[] k = keys.get(i);
            assertArrayEquals(k, journal.key(i), "key " + i);
            assertEquals(new String(k, StandardCharsets.UTF_8), journal.keyString(i));
            assertTrue(journal.keyEquals(i, k.clone()));
            byte[] other = k.clone();
            other[other.length - 1] ^= 1;
            assertFalse(journal.keyEquals(i, other), "differs in the last byte");
            assertFalse(journal.keyEquals(i, java.util.Arrays.copyOf(k, k.length - 1)), "a prefix");
            assertFalse(journal.keyEquals(i, java.util.Arrays.copyOf(k, k.length + 1)), "longer");
        }
        assertFalse(journal.isCommitted(n));
    }

    @Test
    void aReturnedKeyIsACopy() {
        Journal journal = new Journal();
        byte[] k = "request-1".getBytes(StandardCharsets.UTF_8);
        journal.append(Journal.GIFT, 1, 0, 1, 0, 5, 5, k);
        k[0] = 'X';
        journal.key(0)[1] = 'Y';
        assertEquals("request-1", journal.keyString(0));
    }

    @Test
    void keysOfNoOrTooManyBytesAreRefusedWithoutTakingASlot() {
        Journal journal = new Journal();
        assertThrows(IllegalArgumentException.class, () -> journal.append(Journal.GIFT, 1, 0, 1, 0, 1, 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> journal.append(Journal.GIFT, 1, 0, 1, 0, 1, 1, new byte[385]));
        assertEquals(0, journal.reservedSize());
        journal.append(Journal.GIFT, 1, 0, 1, 0, 1, 1, new byte[384]);
        assertEquals(384, journal.key(0).length);
        assertEquals(1, journal.committedSize());
    }

    @Test
    void concurrentAppendsKeepEveryEntryIntact() throws Exception {
        Journal journal = new Journal();
        int threads = 4;
        int perThread = 5 * CHUNK;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int id = thread * perThread + i;
                        byte[] k = key(id, 6 + id % 40).getBytes(StandardCharsets.UTF_8);
                        journal.append(Journal.GIFT, id, thread, id, -1, id, 2L * id, k);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int n = threads * perThread;
        assertEquals(n, journal.committedSize());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int id = journal.userB(i);
            assertTrue(seen.add(id), "each entry once: " + id);
            assertEquals(id, journal.instant(i));
            assertEquals(id / perThread, journal.userA(i));
            assertEquals(id, journal.amount1(i));
            assertEquals(2L * id, journal.amount2(i));
            assertEquals(key(id, 6 + id % 40), journal.keyString(i), "key of entry " + id);
        }
    }
}
