package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.stream.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The journal of the {@link MemoryStore}, kept compact: each entry's postings are packed as variable-length
 * integers into a shared byte arena, with the accounts and units interned in per-journal tables. A gift's
 * receipt is packed right after its postings (request id as UTF-8 bytes, users, gift ids, versions and
 * streams interned, the instant as seconds and nanos, amounts as varints); other receipts are kept as
 * objects. A {@link JournalEntry} is materialised (equal to the one appended) only when read. The request
 * index is an open-addressing table of {@code hash << 32 | index + 1} cells; a hit is confirmed against the
 * entry's stored request id.
 *
 * <p>Not thread-safe: every method but {@link #mightContain} runs under the store's journal lock.
 * {@code mightContain} may run without it: it only reads the published index, whose cells go from empty to
 * full and are never cleared, and a stale answer is safe (a false "absent" is caught by the locked check in
 * {@code append}, a false "maybe" is re-checked under the lock).
 */
final class MemoryJournal {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /**
     * Arena chunks stay below half of G1's smallest region (1 MiB): a larger array is "humongous" and takes
     * whole regions of its own, which for a 1 MiB array plus its header doubled the arena's footprint.
     */
    private static final int ARENA_CHUNK = 1 << 18;

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

    private final UnaryOperator<UserId> canonicalUser;
    private final Map<UserId, Integer> userIds = new HashMap<>();
    private UserId[] userTable = new UserId[64];
    private final Map<String, Integer> textIds = new HashMap<>();
    private String[] texts = new String[16];
    private final Map<StreamId, Integer> streamIds = new HashMap<>();
    private StreamId[] streams = new StreamId[16];

    private volatile long[] index = new long[1 << 10];
    private int indexed;

    private long secondsBase;
    private boolean haveSecondsBase;

    private static final GiftContext[] CONTEXTS = GiftContext.values();

    /** A journal that keeps the user ids it is given. */
    MemoryJournal() {
        this(UnaryOperator.identity());
    }

    /**
     * @param canonicalUser maps a user id to the equal instance the journal should keep (the store's own)
     */
    MemoryJournal(UnaryOperator<UserId> canonicalUser) {
        this.canonicalUser = canonicalUser;
    }

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
        if (positions[chunk] == null) {
            positions[chunk] = new long[CHUNK];
        }
        Receipt receipt = entry.receipt();
        GiftReceipt gift = receipt instanceof GiftReceipt g && g.sequence() == i + 1L ? g : null;
        positions[chunk][i & (CHUNK - 1)] = encode(entry.postings(), gift);
        if (gift == null) {
            if (receipts[chunk] == null) { // a chunk of packed gifts only has no receipt array
                receipts[chunk] = new Receipt[CHUNK];
            }
            receipts[chunk][i & (CHUNK - 1)] = receipt;
        }
        size = i + 1;
        insert(entry.requestId(), i);
    }

    /**
     * @param i the entry's index, {@code sequence - 1}
     * @return the entry, materialised
     */
    JournalEntry entry(int i) {
        Receipt r = kept(i);
        long position = positions[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        byte[] b = arena.get((int) (position >>> 32));
        int[] at = {(int) position};
        List<Posting> postings = decodePostings(b, at);
        return new JournalEntry(r != null ? r : decodeGift(b, at, i), postings);
    }

    /**
     * @param i the entry's index
     * @return its receipt, materialised if packed
     */
    Receipt receipt(int i) {
        Receipt r = kept(i);
        if (r != null) {
            return r;
        }
        long position = positions[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        byte[] b = arena.get((int) (position >>> 32));
        int[] at = {(int) position};
        skipPostings(b, at);
        return decodeGift(b, at, i);
    }

    /** The receipt kept as an object for entry {@code i}, or null if it is packed. */
    private Receipt kept(int i) {
        Receipt[] chunk = receipts[i >>> CHUNK_BITS];
        return chunk == null ? null : chunk[i & (CHUNK - 1)];
    }

    /** Whether entry {@code i} holds the request id; {@code utf8} is its UTF-8 form, made on first use. */
    private boolean holds(int i, RequestId id, byte[][] utf8) {
        Receipt r = kept(i);
        if (r != null) {
            return r.requestId().equals(id);
        }
        if (utf8[0] == null) {
            utf8[0] = id.value().getBytes(StandardCharsets.UTF_8);
        }
        byte[] want = utf8[0];
        long position = positions[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        byte[] b = arena.get((int) (position >>> 32));
        int[] at = {(int) position};
        skipPostings(b, at);
        int n = (int) getVarlong(b, at);
        return n == want.length && Arrays.equals(b, at[0], at[0] + n, want, 0, n);
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
        byte[][] utf8 = new byte[1][];
        for (int c = h & mask; ; c = (c + 1) & mask) {
            long cell = t[c];
            if (cell == 0) {
                return -1;
            }
            if ((int) (cell >>> 32) == h) {
                int i = (int) cell - 1;
                if (holds(i, id, utf8)) {
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

    private long encode(List<Posting> postings, GiftReceipt gift) {
        int n = postings.size();
        byte[] id = gift == null ? null : gift.requestId().value().getBytes(StandardCharsets.UTF_8);
        int need = 5 + n * 20 + (gift == null ? 0 : 5 + id.length + 12 * 10);
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
        if (gift != null) {
            at = putVarint(b, at, id.length);
            System.arraycopy(id, 0, b, at, id.length);
            at += id.length;
            at = putVarint(b, at, userId(gift.sender()));
            at = putVarint(b, at, userId(gift.creator()));
            at = putVarint(b, at, textId(gift.giftId()));
            if (!haveSecondsBase) {
                secondsBase = gift.instant().getEpochSecond();
                haveSecondsBase = true;
            }
            // seconds from the first packed gift's (no overflow: instants span less than 2^57 seconds)
            long seconds = gift.instant().getEpochSecond() - secondsBase;
            at = putVarlong(b, at, (seconds << 1) ^ (seconds >> 63));
            int nanos = gift.instant().getNano(); // clocks often tick in microseconds: 3 bytes, not 5
            at = putVarint(b, at, nanos % 1000 == 0 ? nanos / 1000 << 1 : nanos << 1 | 1);
            at = putVarlong(b, at, gift.quantity());
            at = putVarlong(b, at, gift.coinsSpent().amount());
            at = putVarlong(b, at, gift.diamondsCredited().amount());
            at = putVarint(b, at, textId(gift.catalogVersion()));
            at = putVarint(b, at, textId(gift.policyVersion()));
            int stream = gift.stream() == null ? 0 : streamId(gift.stream()) + 1;
            at = putVarlong(b, at, (long) stream * CONTEXTS.length + gift.context().ordinal());
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
        return decodePostings(b, new int[] {(int) position});
    }

    private List<Posting> decodePostings(byte[] b, int[] at) {
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

    private static void skipPostings(byte[] b, int[] at) {
        int n = (int) getVarlong(b, at);
        int p = at[0];
        for (int varints = n * 3; varints > 0; p++) {
            if (b[p] >= 0) {
                varints--;
            }
        }
        at[0] = p;
    }

    private GiftReceipt decodeGift(byte[] b, int[] at, int i) {
        int n = (int) getVarlong(b, at);
        RequestId requestId = new RequestId(new String(b, at[0], n, StandardCharsets.UTF_8));
        at[0] += n;
        UserId sender = userTable[(int) getVarlong(b, at)];
        UserId creator = userTable[(int) getVarlong(b, at)];
        String giftId = texts[(int) getVarlong(b, at)];
        long z = getVarlong(b, at);
        int fraction = (int) getVarlong(b, at);
        Instant instant = Instant.ofEpochSecond(secondsBase + ((z >>> 1) ^ -(z & 1)),
                (fraction & 1) == 0 ? (fraction >>> 1) * 1000L : fraction >>> 1);
        long quantity = getVarlong(b, at);
        Coins coins = Coins.of(getVarlong(b, at));
        Diamonds diamonds = Diamonds.of(getVarlong(b, at));
        String catalogVersion = texts[(int) getVarlong(b, at)];
        String policyVersion = texts[(int) getVarlong(b, at)];
        long tail = getVarlong(b, at);
        GiftContext context = CONTEXTS[(int) (tail % CONTEXTS.length)];
        int stream = (int) (tail / CONTEXTS.length);
        return new GiftReceipt(requestId, i + 1L, instant, sender, creator, giftId, quantity, coins, diamonds,
                catalogVersion, policyVersion, context, stream == 0 ? null : streams[stream - 1]);
    }

    private int userId(UserId user) {
        Integer id = userIds.get(user);
        if (id == null) {
            id = userIds.size();
            if (id == userTable.length) {
                userTable = Arrays.copyOf(userTable, id * 2);
            }
            UserId kept = canonicalUser.apply(user);
            userTable[id] = kept.equals(user) ? kept : user;
            userIds.put(userTable[id], id);
        }
        return id;
    }

    private int textId(String text) {
        Integer id = textIds.get(text);
        if (id == null) {
            id = textIds.size();
            if (id == texts.length) {
                texts = Arrays.copyOf(texts, id * 2);
            }
            texts[id] = text;
            textIds.put(text, id);
        }
        return id;
    }

    private int streamId(StreamId stream) {
        Integer id = streamIds.get(stream);
        if (id == null) {
            id = streamIds.size();
            if (id == streams.length) {
                streams = Arrays.copyOf(streams, id * 2);
            }
            streams[id] = stream;
            streamIds.put(stream, id);
        }
        return id;
    }

    /**
     * @param user a user id
     * @return the equal instance this journal keeps, or {@code user} if it keeps none
     */
    UserId keptUser(UserId user) {
        Integer id = userIds.get(user);
        return id == null ? user : userTable[id];
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
