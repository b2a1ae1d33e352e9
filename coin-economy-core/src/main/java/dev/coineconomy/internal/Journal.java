package dev.coineconomy.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The in-memory append-only journal, stored in fixed-size chunks of primitive arrays so that an entry
 * costs a few dozen bytes rather than a graph of objects. Entries are materialised into
 * {@code JournalEntry} values only when read.
 *
 * <p>Each entry is a row of five {@code long}s in its chunk's row array (so that an append writes one
 * or two cache lines, not one per field, which matters when threads append side by side):
 * {@code [keyLength << 40 | kind << 32 | item]}, {@code [userA << 32 | userB]}, instant (epoch nanos),
 * amount 1, amount 2. The request id's UTF-8 bytes go to the chunk's key arena at a fixed-width place
 * per slot, so no atomic is needed to place them and no object is retained per entry; the width is
 * chosen when the chunk is created, from the key lengths of the chunk before, and a longer key is kept
 * as a byte array of its own in the chunk's overflow array.
 *
 * <p>Appends are lock-free: a slot is reserved with one atomic increment, its fields and key written,
 * and the entry published by a release-store of its first word, which holds the kind (0 = not yet
 * committed). Readers see a consistent prefix: they stop at the first slot not yet committed.
 *
 * <p>Fields: kind, instant (epoch nanos), user A (the acting user), user B (gift creator, else -1),
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
    private static final int ROW = 5;
    /** Low bits of a slot number rotated to the top of its place (see {@link #place}). */
    private static final int SPREAD = 6;
    /** Longest key in bytes: 128 characters of at most 3 UTF-8 bytes each (a surrogate pair is 4 for 2). */
    private static final int MAX_KEY = 384;
    /** Key width of the first chunk. */
    private static final int FIRST_WIDTH = 16;
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle OVERFLOW;

    static {
        try {
            OVERFLOW = MethodHandles.lookup().findVarHandle(Chunk.class, "overflow", byte[][].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final long[] rows = new long[CHUNK * ROW];
        /** Key bytes: slot j's key, if at most {@code width} bytes, starts at {@code j * width}. */
        final byte[] keys;
        final int width;
        /** Keys longer than {@code width}, by slot; created on first need. */
        volatile byte[][] overflow;

        Chunk(int width) {
            this.width = width;
            this.keys = new byte[CHUNK * width];
        }

        byte[][] overflow() {
            byte[][] o = overflow;
            if (o == null) {
                byte[][] fresh = new byte[CHUNK][];
                o = (byte[][]) OVERFLOW.compareAndExchange(this, null, fresh);
                if (o == null) {
                    o = fresh;
                }
            }
            return o;
        }
    }

    private static final int MAX_ENTRIES = Integer.MAX_VALUE - 4096;
    private static final int RESERVED = 16;
    /**
     * Slots after which {@link #requireCapacity()} reads the counter. Every append at or past it sets
     * {@link #nearlyFull} before it returns, so the counter passes {@code MAX_ENTRIES} only after the flag
     * is set, unless thousands of appends are in flight at once.
     */
    private static final int NEARLY_FULL = MAX_ENTRIES - 2 * CHUNK;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);

    /**
     * The slot counter, written by every append: element {@link #RESERVED} of an array of its own, so that
     * 64 bytes on either side of it hold nothing another thread reads or writes.
     */
    private final int[] counter = new int[2 * RESERVED + 1];
    /** Whether an append has taken a slot at or past {@link #NEARLY_FULL}. */
    private volatile boolean nearlyFull;
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
        // The counter's cache line is written by every append: read it only once the journal is nearly full.
        if (nearlyFull && (int) COUNT.getVolatile(counter, RESERVED) >= MAX_ENTRIES) {
            throw new IllegalStateException("in-memory journal is full (" + MAX_ENTRIES + " entries)");
        }
    }

    /**
     * Appends a committed entry.
     *
     * @param key the request id's UTF-8 bytes, 1 to 384 of them; copied
     * @return the slot index (the entry's sequence is index + 1)
     * @throws IllegalStateException if the journal holds {@code Integer.MAX_VALUE} entries
     */
    public int append(byte kind, long instantNanos, int userA, int userB, int item,
                      long amount1, long amount2, byte[] key) {
        int length = key.length;
        if (length < 1 || length > MAX_KEY) {
            throw new IllegalArgumentException("request id bytes must number 1 to " + MAX_KEY + ", got " + length);
        }
        int i = (int) COUNT.getAndAdd(counter, RESERVED, 1);
        if (i >= NEARLY_FULL || i < 0) {
            nearlyFull = true;
        }
        if (i < 0) {
            COUNT.setVolatile(counter, RESERVED, Integer.MIN_VALUE);
            throw new IllegalStateException("in-memory journal is full (2^31 - 1 entries)");
        }
        Chunk c = chunkForWrite(i >>> BITS);
        if ((i & MASK) == CHUNK / 2 && i < MAX_ENTRIES) {
            // create the next chunk now, while nobody needs it, so that no append waits for it
            chunkForWrite((i >>> BITS) + 1);
        }
        int j = place(i);
        if (length <= c.width) {
            System.arraycopy(key, 0, c.keys, j * c.width, length);
        } else {
            c.overflow()[j] = key.clone();
        }
        long[] rows = c.rows;
        int r = j * ROW;
        rows[r + 1] = ((long) userA << 32) | (userB & 0xFFFF_FFFFL);
        rows[r + 2] = instantNanos;
        rows[r + 3] = amount1;
        rows[r + 4] = amount2;
        WORD.setRelease(rows, r, ((long) length << 40) | ((long) kind << 32) | (item & 0xFFFF_FFFFL));
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
                c = new Chunk(ci == 0 || cs[ci - 1] == null ? FIRST_WIDTH : widthAfter(cs[ci - 1]));
                cs[ci] = c;
            }
            chunks = cs;
            return c;
        }
    }

    /**
     * The key width for the chunk after {@code previous}: the smallest width that holds at least 15 in 16
     * of the keys committed there so far (all but the longest few go to the arena).
     */
    private static int widthAfter(Chunk previous) {
        int[] count = new int[MAX_KEY + 1];
        int n = 0;
        for (int j = 0; j < CHUNK; j++) {
            long w = (long) WORD.getAcquire(previous.rows, j * ROW);
            if (w != 0) {
                count[(int) (w >>> 40)]++;
                n++;
            }
        }
        if (n == 0) {
            return previous.width;
        }
        int wanted = n - n / 16;
        int seen = 0;
        for (int len = 1; len <= MAX_KEY; len++) {
            seen += count[len];
            if (seen >= wanted) {
                return len;
            }
        }
        return MAX_KEY;
    }

    /** @return the number of reserved slots; slots below it may still be in flight */
    public int reservedSize() {
        int n = (int) COUNT.getVolatile(counter, RESERVED);
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
        return (long) WORD.getAcquire(cs[ci].rows, place(i) * ROW) != 0;
    }

    /**
     * The place of slot {@code i} within its chunk: the chunk's slot number with its low {@value #SPREAD}
     * bits rotated to the top, so that consecutive slots (which concurrent appends take) are
     * {@code 2^(BITS - SPREAD)} places apart and never write the same cache line at the same time.
     */
    private static int place(int i) {
        int j = i & MASK;
        return ((j & (1 << SPREAD) - 1) << (BITS - SPREAD)) | (j >>> SPREAD);
    }

    private Chunk chunk(int i) {
        return chunks[i >>> BITS];
    }

    private long word(int i, int field) {
        return chunk(i).rows[place(i) * ROW + field];
    }

    /** @return the kind byte of committed slot {@code i} */
    public byte kind(int i) {
        return (byte) ((long) WORD.getAcquire(chunk(i).rows, place(i) * ROW) >>> 32);
    }

    /** @return the instant (epoch nanos) of committed slot {@code i} */
    public long instant(int i) {
        return word(i, 2);
    }

    /** @return user A of committed slot {@code i} */
    public int userA(int i) {
        return (int) (word(i, 1) >>> 32);
    }

    /** @return user B of committed slot {@code i}, or -1 */
    public int userB(int i) {
        return (int) word(i, 1);
    }

    /** @return the item of committed slot {@code i}, or -1 */
    public int item(int i) {
        return (int) word(i, 0);
    }

    /** @return the first amount of committed slot {@code i} */
    public long amount1(int i) {
        return word(i, 3);
    }

    /** @return the second amount of committed slot {@code i} */
    public long amount2(int i) {
        return word(i, 4);
    }

    /** @return a copy of the request id bytes of committed slot {@code i} */
    public byte[] key(int i) {
        Chunk c = chunk(i);
        int j = place(i);
        int length = keyLength(c, j);
        if (length > c.width) {
            return c.overflow[j].clone();
        }
        return Arrays.copyOfRange(c.keys, j * c.width, j * c.width + length);
    }

    /** @return the request id of committed slot {@code i}, decoded */
    public String keyString(int i) {
        Chunk c = chunk(i);
        int j = place(i);
        int length = keyLength(c, j);
        if (length > c.width) {
            return new String(c.overflow[j], StandardCharsets.UTF_8);
        }
        return new String(c.keys, j * c.width, length, StandardCharsets.UTF_8);
    }

    /** @return whether committed slot {@code i} holds exactly these request id bytes */
    public boolean keyEquals(int i, byte[] key) {
        Chunk c = chunk(i);
        int j = place(i);
        int length = keyLength(c, j);
        if (length != key.length) {
            return false;
        }
        if (length > c.width) {
            return Arrays.equals(c.overflow[j], key);
        }
        int from = j * c.width;
        return Arrays.equals(c.keys, from, from + length, key, 0, length);
    }

    private static int keyLength(Chunk c, int j) {
        return (int) ((long) WORD.getAcquire(c.rows, j * ROW) >>> 40);
    }
}
