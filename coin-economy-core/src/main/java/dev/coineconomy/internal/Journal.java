package dev.coineconomy.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory append-only journal, stored column-wise in fixed-size chunks of primitive arrays so
 * that an entry costs a few dozen bytes rather than a graph of objects. Entries are materialised
 * into {@code JournalEntry} values only when read.
 *
 * <p>Appends are lock-free: a slot is reserved with one atomic increment, its columns written, and
 * the entry published by a release-store of its kind byte (0 = not yet committed). Readers see a
 * consistent prefix: they stop at the first slot not yet committed.
 *
 * <p>Columns: kind, instant (epoch nanos), user A (the acting user), user B (gift creator, else -1),
 * item (gift index or price-row index, else -1), two amounts (purchase: coins and price minor units;
 * gift: coins and diamonds; withdrawal: diamonds and payout minor units), and the request id bytes.
 */
public final class Journal {

    /** Kind byte of a purchase entry. */
    public static final byte PURCHASE = 1;
    /** Kind byte of a gift entry. */
    public static final byte GIFT = 2;
    /** Kind byte of a withdrawal entry. */
    public static final byte WITHDRAWAL = 3;

    private static final int BITS = 12;
    private static final int CHUNK = 1 << BITS;
    private static final int MASK = CHUNK - 1;
    private static final VarHandle KIND = MethodHandles.arrayElementVarHandle(byte[].class);

    private static final class Chunk {
        final byte[] kind = new byte[CHUNK];
        final long[] instant = new long[CHUNK];
        final int[] userA = new int[CHUNK];
        final int[] userB = new int[CHUNK];
        final int[] item = new int[CHUNK];
        final long[] amount1 = new long[CHUNK];
        final long[] amount2 = new long[CHUNK];
        final byte[][] key = new byte[CHUNK][];
    }

    private static final int MAX_ENTRIES = Integer.MAX_VALUE - 4096;

    private final AtomicInteger reserved = new AtomicInteger();
    /** A lower bound of the committed prefix, advanced by {@link #committedSize()}. */
    private volatile int committedHint;
    private final Object growLock = new Object();
    private volatile Chunk[] chunks = new Chunk[16];

    /**
     * Checks, before a command changes anything, that the journal can take another entry.
     *
     * @throws IllegalStateException if the journal is (nearly) full
     */
    public void requireCapacity() {
        if (reserved.get() >= MAX_ENTRIES) {
            throw new IllegalStateException("in-memory journal is full (" + MAX_ENTRIES + " entries)");
        }
    }

    /**
     * Appends a committed entry.
     *
     * @return the slot index (the entry's sequence is index + 1)
     * @throws IllegalStateException if the journal holds {@code Integer.MAX_VALUE} entries
     */
    public int append(byte kind, long instantNanos, int userA, int userB, int item,
                      long amount1, long amount2, byte[] key) {
        int i = reserved.getAndIncrement();
        if (i < 0) {
            reserved.set(Integer.MIN_VALUE);
            throw new IllegalStateException("in-memory journal is full (2^31 - 1 entries)");
        }
        Chunk c = chunkForWrite(i >>> BITS);
        int j = i & MASK;
        c.instant[j] = instantNanos;
        c.userA[j] = userA;
        c.userB[j] = userB;
        c.item[j] = item;
        c.amount1[j] = amount1;
        c.amount2[j] = amount2;
        c.key[j] = key;
        KIND.setRelease(c.kind, j, kind);
        return i;
    }

    private Chunk chunkForWrite(int ci) {
        Chunk[] cs = chunks;
        if (ci < cs.length) {
            Chunk c = cs[ci];
            if (c != null) {
                return c;
            }
        }
        synchronized (growLock) {
            cs = chunks;
            if (ci >= cs.length) {
                cs = Arrays.copyOf(cs, Math.max(cs.length * 2, ci + 1));
            }
            Chunk c = cs[ci];
            if (c == null) {
                c = new Chunk();
                cs[ci] = c;
            }
            chunks = cs;
            return c;
        }
    }

    /** @return the number of reserved slots; slots below it may still be in flight */
    public int reservedSize() {
        int n = reserved.get();
        return n < 0 ? Integer.MAX_VALUE : n;
    }

    /** @return the number of entries in the committed prefix */
    public int committedSize() {
        int n = reservedSize();
        int i = committedHint;
        while (i < n && isCommitted(i)) {
            i++;
        }
        committedHint = i;
        return i;
    }

    /** @return whether slot {@code i} holds a committed entry */
    public boolean isCommitted(int i) {
        Chunk[] cs = chunks;
        int ci = i >>> BITS;
        if (ci >= cs.length || cs[ci] == null) {
            return false;
        }
        return (byte) KIND.getAcquire(cs[ci].kind, i & MASK) != 0;
    }

    private Chunk chunk(int i) {
        return chunks[i >>> BITS];
    }

    /** @return the kind byte of committed slot {@code i} */
    public byte kind(int i) {
        return (byte) KIND.getAcquire(chunk(i).kind, i & MASK);
    }

    /** @return the instant (epoch nanos) of committed slot {@code i} */
    public long instant(int i) {
        return chunk(i).instant[i & MASK];
    }

    /** @return user A of committed slot {@code i} */
    public int userA(int i) {
        return chunk(i).userA[i & MASK];
    }

    /** @return user B of committed slot {@code i}, or -1 */
    public int userB(int i) {
        return chunk(i).userB[i & MASK];
    }

    /** @return the item of committed slot {@code i}, or -1 */
    public int item(int i) {
        return chunk(i).item[i & MASK];
    }

    /** @return the first amount of committed slot {@code i} */
    public long amount1(int i) {
        return chunk(i).amount1[i & MASK];
    }

    /** @return the second amount of committed slot {@code i} */
    public long amount2(int i) {
        return chunk(i).amount2[i & MASK];
    }

    /** @return the request id bytes of committed slot {@code i} */
    public byte[] key(int i) {
        return chunk(i).key[i & MASK];
    }
}
