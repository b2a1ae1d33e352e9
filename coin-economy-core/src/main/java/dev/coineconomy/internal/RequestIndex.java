package dev.coineconomy.internal;

import dev.coineconomy.RequestId;

import java.nio.charset.StandardCharsets;

/**
 * The idempotency index: request id → journal slot, striped so that commands with different request
 * ids rarely share a lock. Each stripe is an open-addressing table of (hash, slot number) cells whose
 * keys live in the journal's request id column, so an entry costs a few bytes here (8 per cell, at a load
 * of 3/8 to 3/4).
 *
 * <p>A command runs entirely under its stripe's monitor: look up, apply, append, insert. Two commands
 * with the same request id therefore never run at once, and a rejected command inserts nothing.
 * Locks taken inside a stripe (an account's withdrawal lock) are never held while taking a stripe.
 */
public final class RequestIndex {

    private static final int STRIPES = 256;

    private final Journal journal;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /**
     * One lock and its table. Use as a monitor: {@code synchronized (stripe) {...}}. Each table cell holds
     * the key's full hash in its high 32 bits and journal slot + 1 in its low 32 bits (0 = empty), so a
     * probe compares stored keys only when the hashes agree and growing never re-reads a key.
     */
    public static final class Stripe {
        private long[] cells = new long[16];
        private int size;
        // Padding: stripes are allocated side by side, and their monitor words and sizes are written by
        // every command; keep each stripe's written words in a cache line of its own.
        @SuppressWarnings("unused")
        private long p1, p2, p3, p4, p5, p6, p7;

        private Stripe() {
        }
    }

    /**
     * Creates an empty index over a journal.
     *
     * @param journal the journal whose key column holds the request ids
     */
    public RequestIndex(Journal journal) {
        this.journal = journal;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /**
     * The stored form of a request id.
     *
     * @param requestId the id
     * @return its UTF-8 bytes
     */
    public static byte[] key(RequestId requestId) {
        return requestId.value().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The hash of a stored key.
     *
     * @param key the key bytes
     * @return a well-mixed hash
     */
    public static int hash(byte[] key) {
        int h = 0x9747b28c;
        for (byte b : key) {
            h = (h ^ b) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /**
     * The stripe of a hash.
     *
     * @param hash the key's hash
     * @return its stripe
     */
    public Stripe stripe(int hash) {
        return stripes[hash & (STRIPES - 1)];
    }

    /**
     * Finds a key. The caller holds the stripe's monitor.
     *
     * @return the journal slot, or -1
     */
    public int find(Stripe s, int hash, byte[] key) {
        long[] t = s.cells;
        int mask = t.length - 1;
        for (int p = (hash >>> 8) & mask; ; p = (p + 1) & mask) {
            long c = t[p];
            if (c == 0) {
                return -1;
            }
            if ((int) (c >>> 32) == hash) {
                int slot = (int) c - 1;
                if (journal.keyEquals(slot, key)) {
                    return slot;
                }
            }
        }
    }

    /**
     * Inserts a key known to be absent. The caller holds the stripe's monitor.
     *
     * @param slot the journal slot holding the key
     */
    public void insert(Stripe s, int hash, int slot) {
        if ((s.size + 1) * 4 > s.cells.length * 3) {
            s.cells = grow(s.cells);
        }
        place(s.cells, ((long) hash << 32) | (slot + 1L));
        s.size++;
    }

    private static long[] grow(long[] old) {
        long[] t = new long[old.length * 2];
        for (long c : old) {
            if (c != 0) {
                place(t, c);
            }
        }
        return t;
    }

    private static void place(long[] t, long cell) {
        int mask = t.length - 1;
        int p = ((int) (cell >>> 32) >>> 8) & mask;
        while (t[p] != 0) {
            p = (p + 1) & mask;
        }
        t[p] = cell;
    }
}
