package dev.coineconomy.internal;

import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of the {@link MemoryStore}, kept compact: each entry is its receipt plus its postings packed
 * as variable-length integers into a shared byte arena, with the accounts and units interned in per-journal
 * tables; a {@link JournalEntry} is materialised (equal to the one appended) only when read. The request
 * index is an open-addressing table of {@code hash << 32 | index + 1} cells.
 *
 * <p>Not thread-safe: every method but {@link #mightContain} runs under the store's journal lock.
 * {@code mightContain} may run without it: it only reads the published index, whose cells go from empty to
 * full and are never cleared, and a stale answer is safe (a false "absent" is caught by the locked check in
 * {@code append}, a false "maybe" is re-checked under the lock).
 */
final class MemoryJournal {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int ARENA_CHUNK = 1 << 20;

    private Receipt[][] receipts = new Receipt[16][];
    private long[][] positions = new long[16][];
    private int size;

    private final ArrayList<byte[]> arena = new ArrayList<>();
    private int arenaUsed = ARENA_CHUNK; // no chunk yet
    private byte[] scratch = new byte[256];

    private final Map<AccountRef, Integer> accountIds = new HashMap<>();
    private AccountRef[] accounts = new AccountRef[64];
    private final Map<Unit, Integer> unitIds = new HashMap<>();
    private Unit[] units = new Unit[8];

    private volatile long[] index = new long[1 << 10];
    private int indexed;

    /** @return the number of entries */
    int size() {
        return size;
    }

    /**
     * Appends an entry and indexes its request id (which must not be taken).
     *
     * @param entry the entry, whose sequence is {@code size() + 1}
     */
    void add(JournalEntry entry) {
        int i = size;
        int chunk = i >>> CHUNK_BITS;
        if (chunk == receipts.length) {
            receipts = Arrays.copyOf(receipts, chunk * 2);
            positions = Arrays.copyOf(positions, chunk * 2);
        }
        if (receipts[chunk] == null) {
            receipts[chunk] = new Receipt[CHUNK];
            positions[chunk] = new long[CHUNK];
        }
        positions[chunk][i & (CHUNK - 1)] = encode(entry.postings());
        receipts[chunk][i & (CHUNK - 1)] = entry.receipt();
        size = i + 1;
        insert(entry.requestId(), i);
    }

    /**
     * @param i the entry's index, {@code sequence - 1}
     * @return the entry, materialised
     */
    JournalEntry entry(int i) {
        return new JournalEntry(receipt(i), postings(i));
    }

    /**
     * @param i the entry's index
     * @return its receipt
     */
    Receipt receipt(int i) {
        return receipts[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    // ---- request index -------------------------------------------------------------------------------

    private static int hash(RequestId id) {
        int h = id.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /**
     * Whether an entry may hold the request id; safe without the lock (see the class comment).
     *
     * @param id the request id
     * @return {@code false} if no entry published before this call holds it
     */
    boolean mightContain(RequestId id) {
        long[] t = index;
        int h = hash(id);
        int mask = t.length - 1;
        for (int c = h & mask; ; c = (c + 1) & mask) {
            long cell = t[c];
            if (cell == 0) {
                return false;
            }
            if ((int) (cell >>> 32) == h) {
                return true;
            }
        }
    }

    /**
     * @param id the request id
     * @return the index of the entry that holds it, or -1
     */
    int find(RequestId id) {
        long[] t = index;
        int h = hash(id);
        int mask = t.length - 1;
        for (int c = h & mask; ; c = (c + 1) & mask) {
            long cell = t[c];
            if (cell == 0) {
                return -1;
            }
            if ((int) (cell >>> 32) == h) {
                int i = (int) cell - 1;
                if (receipt(i).requestId().equals(id)) {
                    return i;
                }
            }
        }
    }

    private void insert(RequestId id, int i) {
        long[] t = index;
        if ((indexed + 1) * 4L > t.length * 3L) {
            long[] bigger = new long[t.length * 2];
            for (long cell : t) {
                if (cell != 0) {
                    place(bigger, cell);
                }
            }
            t = bigger;
            place(t, (long) hash(id) << 32 | (i + 1L));
            index = t; // publishes the filled table
        } else {
            place(t, (long) hash(id) << 32 | (i + 1L));
        }
        indexed++;
    }

    private static void place(long[] t, long cell) {
        int mask = t.length - 1;
        int c = (int) (cell >>> 32) & mask;
        while (t[c] != 0) {
            c = (c + 1) & mask;
        }
        t[c] = cell;
    }

    // ---- posting codec -----------------------------------------------------------------------------

    private long encode(List<Posting> postings) {
        int n = postings.size();
        int need = 5 + n * 20;
        if (scratch.length < need) {
            scratch = new byte[Math.max(need, scratch.length * 2)];
        }
        byte[] b = scratch;
        int at = putVarint(b, 0, n);
        for (int k = 0; k < n; k++) {
            Posting p = postings.get(k);
            at = putVarint(b, at, accountId(p.account()));
            at = putVarint(b, at, unitId(p.unit()));
            long v = p.amount();
            at = putVarlong(b, at, (v << 1) ^ (v >> 63));
        }
        if (arenaUsed + at > ARENA_CHUNK || arena.isEmpty()) {
            arena.add(new byte[Math.max(ARENA_CHUNK, at)]);
            arenaUsed = 0;
        }
        int chunk = arena.size() - 1;
        System.arraycopy(b, 0, arena.get(chunk), arenaUsed, at);
        long position = (long) chunk << 32 | arenaUsed;
        arenaUsed += at;
        return position;
    }

    /**
     * @param i the entry's index
     * @return its postings, materialised
     */
    List<Posting> postings(int i) {
        long position = positions[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        byte[] b = arena.get((int) (position >>> 32));
        int[] at = {(int) position};
        int n = (int) getVarlong(b, at);
        List<Posting> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            AccountRef account = accounts[(int) getVarlong(b, at)];
            Unit unit = units[(int) getVarlong(b, at)];
            long z = getVarlong(b, at);
            out.add(new Posting(account, unit, (z >>> 1) ^ -(z & 1)));
        }
        return out;
    }

    private int accountId(AccountRef account) {
        Integer id = accountIds.get(account);
        if (id == null) {
            id = accountIds.size();
            if (id == accounts.length) {
                accounts = Arrays.copyOf(accounts, id * 2);
            }
            accounts[id] = account;
            accountIds.put(account, id);
        }
        return id;
    }

    private int unitId(Unit unit) {
        Integer id = unitIds.get(unit);
        if (id == null) {
            id = unitIds.size();
            if (id == units.length) {
                units = Arrays.copyOf(units, id * 2);
            }
            units[id] = unit;
            unitIds.put(unit, id);
        }
        return id;
    }

    private static int putVarint(byte[] b, int at, int v) {
        return putVarlong(b, at, v & 0xFFFF_FFFFL);
    }

    private static int putVarlong(byte[] b, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    private static long getVarlong(byte[] b, int[] at) {
        int p = at[0];
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[p++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
            shift += 7;
        }
        at[0] = p;
        return v;
    }
}
