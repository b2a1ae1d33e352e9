package dev.coineconomy.internal;

import dev.coineconomy.RequestId;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The idempotency index: request id → journal slot, striped so that commands with different request
 * ids rarely share a lock. Each stripe is an open-addressing table of slot numbers whose keys live in
 * the journal's request id column, so an entry costs a few bytes here.
 *
 * <p>A command runs entirely under its stripe's monitor: look up, apply, append, insert. Two commands
 * with the same request id therefore never run at once, and a rejected command inserts nothing.
 * Locks taken inside a stripe (an account's withdrawal lock) are never held while taking a stripe.
 */
public final class RequestIndex {

    private static final int STRIPES = 256;

    private final Journal journal;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /** One lock and its table. Use as a monitor: {@code synchronized (stripe) {...}}. */
    public static final class Stripe {
        private int[] slots = new int[16];
        private int size;

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
        int[] t = s.slots;
        int mask = t.length - 1;
        for (int p = (hash >>> 8) & mask; ; p = (p + 1) & mask) {
            int v = t[p];
            if (v == 0) {
                return -1;
            }
            if (Arrays.equals(journal.key(v - 1), key)) {
                return v - 1;
            }
        }
    }

    /**
     * Inserts a key known to be absent. The caller holds the stripe's monitor.
     *
     * @param slot the journal slot holding the key
     */
    public void insert(Stripe s, int hash, int slot) {
        if ((s.size + 1) * 4 > s.slots.length * 3) {
            s.slots = rehash(s.slots);
        }
        place(s.slots, hash, slot + 1);
        s.size++;
    }

    private int[] rehash(int[] old) {
        int[] t = new int[old.length * 2];
        for (int v : old) {
            if (v != 0) {
                place(t, hash(journal.key(v - 1)), v);
            }
        }
        return t;
    }

    private static void place(int[] t, int hash, int value) {
        int mask = t.length - 1;
        int p = (hash >>> 8) & mask;
        while (t[p] != 0) {
            p = (p + 1) & mask;
        }
        t[p] = value;
    }
}
