package dev.coineconomy.internal;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.store.LedgerStore;
import dev.coineconomy.store.LedgerStoreException;
import dev.coineconomy.store.StoreConflictException;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.store.UserState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * The in-memory {@link LedgerStore}: the journal in a list, users in a concurrent map, each user row
 * guarded by its own lock. Transactions keep an undo log; credits that need no lock are applied when the
 * entry is appended. Thread-safe.
 */
public final class MemoryStore implements LedgerStore {

    /** How often a conflicting transaction is retried before the store gives up. */
    static final int MAX_ATTEMPTS = 1_000;

    /** How long a transaction that already holds a lock waits for another one (deadlock avoidance). */
    private static final long SECOND_LOCK_WAIT_MICROS = 2_000;

    private final Object journalLock = new Object();
    private final Map<UserId, Row> users = new ConcurrentHashMap<>();
    private final MemoryJournal journal = new MemoryJournal(u -> {
        Row r = users.get(u);
        return r == null ? u : r.user; // the journal shares the rows' user ids
    });
    private final Map<UserId, int[]> entriesByUser = new HashMap<>();
    private final AtomicLong coinsIssued = new AtomicLong();

    /** Creates an empty store. */
    public MemoryStore() {
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Tx tx = new Tx();
            try {
                T result = work.run(tx);
                tx.finish();
                return result;
            } catch (StoreConflictException e) {
                tx.rollback();
                if (attempt >= MAX_ATTEMPTS) {
                    throw new LedgerStoreException(String.format(Locale.ROOT,
                            "in-memory transaction still conflicted after %d attempts: %s", attempt,
                            e.getMessage()), e);
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000, 20_000L * Math.min(attempt, 50)));
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
        }
    }

    @Override
    public Map<AccountRef, Map<Unit, Long>> postingTotals() {
        Map<AccountRef, Map<Unit, Long>> totals = new LinkedHashMap<>();
        int n;
        synchronized (journalLock) {
            n = journal.size();
        }
        for (int from = 0; from < n; from += 4096) {
            List<List<Posting>> page = new ArrayList<>();
            synchronized (journalLock) {
                for (int i = from; i < Math.min(n, from + 4096); i++) {
                    page.add(journal.postings(i));
                }
            }
            for (List<Posting> postings : page) {
                for (Posting p : postings) {
                    totals.computeIfAbsent(p.account(), k -> new LinkedHashMap<>()).merge(p.unit(), p.amount(),
                            Math::addExact);
                }
            }
        }
        return totals;
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    /** One user's row; fields other than {@code credits} and {@code counters} change under {@code lock}. */
    private static final class Row {
        final UserId user;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicLong credits = new AtomicLong();
        final Map<String, Long> counters = new ConcurrentHashMap<>();
        final Map<String, LinkedHashMap<String, Rec>> records = new HashMap<>();
        volatile long coins;
        volatile long diamonds;
        volatile long received;

        Row(UserId user) {
            this.user = user;
        }

        UserState state() {
            return new UserState(user, coins, Math.addExact(diamonds, credits.get()), received);
        }
    }

    /**
     * A stored record: its text (the SPI's contract) and, optionally, the object the text decodes to, so a
     * command that reads the same records on every call (a gift reads its sender's lots) decodes each text
     * once. Changed only under its row's lock.
     */
    private static final class Rec {
        final String value;
        Object decoded;

        Rec(String value, Object decoded) {
            this.value = value;
            this.decoded = decoded;
        }
    }

    /**
     * Decoded records of the in-memory store: an internal side channel ({@link FinanceState} uses it for coin
     * lots), not part of the SPI. Decoded objects must be exactly what the text decodes to.
     */
    interface RecordCache {

        /**
         * Every record of a user and kind, decoded, in the order of {@link StoreTransaction#records}.
         *
         * @param user   the user, locked
         * @param kind   the record kind
         * @param type   the decoded type
         * @param decode decodes key and text
         * @param <T>    the decoded type
         * @return the decoded records, a new mutable list
         */
        <T> List<T> decodedRecords(UserId user, String kind, Class<T> type, BiFunction<String, String, T> decode);

        /**
         * {@link StoreTransaction#putRecord} with the object {@code value} decodes to.
         *
         * @param user    the user, locked
         * @param kind    the kind
         * @param key     the key
         * @param value   the text
         * @param decoded what {@code value} decodes to (equal to a fresh decode)
         */
        void putRecord(UserId user, String kind, String key, String value, Object decoded);
    }

    private final class Tx implements StoreTransaction, RecordCache {
        private final List<Row> held = new ArrayList<>(2);
        private final List<Runnable> undo = new ArrayList<>(4);
        private Row[] creditRows = new Row[0];
        private long[] creditAmounts = new long[0];
        private boolean appended;

        private Row row(UserId user) {
            return users.computeIfAbsent(user, Row::new);
        }

        private Row held(UserId user) {
            Row r = users.get(user);
            if (r == null || !held.contains(r)) {
                throw new IllegalStateException("user " + user + " is not locked in this transaction");
            }
            return r;
        }

        private Row lock(UserId user) {
            Row r = row(user);
            if (held.contains(r)) {
                return r;
            }
            if (held.isEmpty()) {
                r.lock.lock();
            } else {
                boolean got;
                try {
                    got = r.lock.tryLock(SECOND_LOCK_WAIT_MICROS, TimeUnit.MICROSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LedgerStoreException("interrupted while waiting for the lock of " + user, e);
                }
                if (!got) {
                    throw new StoreConflictException("lock of " + user + " not granted in time", null);
                }
            }
            held.add(r);
            return r;
        }

        @Override
        public Optional<JournalEntry> findEntry(RequestId requestId) {
            if (!journal.mightContain(requestId)) {
                return Optional.empty(); // the common case, without the lock (see MemoryJournal)
            }
            synchronized (journalLock) {
                int i = journal.find(requestId);
                return i < 0 ? Optional.empty() : Optional.of(journal.entry(i));
            }
        }

        @Override
        public JournalEntry append(RequestId requestId, LongFunction<JournalEntry> build) {
            if (appended) {
                throw new IllegalStateException("a transaction appends one entry");
            }
            synchronized (journalLock) {
                if (journal.find(requestId) >= 0) {
                    throw new StoreConflictException("request id " + requestId + " was taken concurrently", null);
                }
                if (journal.size() >= Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("the in-memory journal is full");
                }
                long sequence = journal.size() + 1L;
                JournalEntry entry = build.apply(sequence);
                if (entry.sequence() != sequence || !entry.requestId().equals(requestId)) {
                    throw new IllegalStateException("entry " + entry.requestId() + "/" + entry.sequence()
                            + " built for " + requestId + "/" + sequence);
                }
                journal.add(entry);
                for (UserId u : EntryUsers.of(entry)) {
                    int[] list = entriesByUser.get(u);
                    if (list == null) {
                        list = new int[] {0, 0, 0, 0};
                        entriesByUser.put(journal.keptUser(u), list);
                    } else if (list[0] + 1 == list.length) {
                        list = Arrays.copyOf(list, list.length + (list.length >> 1));
                        entriesByUser.put(u, list);
                    }
                    list[++list[0]] = (int) sequence;
                }
                for (int i = 0; i < creditRows.length; i++) {
                    creditRows[i].credits.addAndGet(creditAmounts[i]);
                }
                appended = true;
                return entry;
            }
        }

        @Override
        public List<JournalEntry> entries(long fromSequence, int limit) {
            checkPage(fromSequence, limit);
            synchronized (journalLock) {
                int from = (int) Math.min(fromSequence - 1, journal.size());
                int to = (int) Math.min((long) from + limit, journal.size());
                List<JournalEntry> out = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    out.add(journal.entry(i));
                }
                return List.copyOf(out);
            }
        }

        @Override
        public List<JournalEntry> entriesOf(UserId user, long fromSequence, int limit) {
            checkPage(fromSequence, limit);
            List<JournalEntry> out = new ArrayList<>();
            synchronized (journalLock) {
                int[] list = entriesByUser.get(user);
                if (list == null) {
                    return out;
                }
                int n = list[0];
                int lo = 1;
                int hi = n + 1;
                while (lo < hi) { // first index whose sequence >= fromSequence
                    int mid = (lo + hi) >>> 1;
                    if (list[mid] < fromSequence) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                for (int i = lo; i <= n && out.size() < limit; i++) {
                    out.add(journal.entry(list[i] - 1));
                }
            }
            return out;
        }

        @Override
        public long entryCount() {
            synchronized (journalLock) {
                return journal.size();
            }
        }

        @Override
        public UserState lockUser(UserId user) {
            return lock(user).state();
        }

        @Override
        public Optional<UserState> user(UserId user) {
            Row r = users.get(user);
            return r == null ? Optional.empty() : Optional.of(r.state());
        }

        @Override
        public void addCoins(UserId user, long delta) {
            Row r = held(user);
            r.coins = Math.addExact(r.coins, delta);
            undo.add(() -> r.coins -= delta);
        }

        @Override
        public void addDiamonds(UserId user, long delta) {
            Row r = held(user);
            r.diamonds = Math.addExact(r.diamonds, delta);
            undo.add(() -> r.diamonds -= delta);
        }

        @Override
        public void creditDiamonds(UserId user, long diamonds) {
            if (diamonds < 0) {
                throw new IllegalArgumentException("a credit must not be negative, got " + diamonds);
            }
            if (diamonds == 0) {
                return;
            }
            int n = creditRows.length;
            creditRows = Arrays.copyOf(creditRows, n + 1);
            creditAmounts = Arrays.copyOf(creditAmounts, n + 1);
            creditRows[n] = row(user);
            creditAmounts[n] = diamonds;
        }

        @Override
        public long addCoinsReceived(UserId creator, long coins) {
            Row r = lock(creator);
            long after = Math.addExact(r.received, coins);
            r.received = after;
            undo.add(() -> r.received -= coins);
            return after;
        }

        @Override
        public long counter(UserId user, String key) {
            return held(user).counters.getOrDefault(key, 0L);
        }

        @Override
        public void addCounter(UserId user, String key, long delta) {
            Row r = held(user);
            r.counters.merge(key, delta, Math::addExact);
            undo.add(() -> r.counters.merge(key, -delta, Long::sum));
        }

        @Override
        public long peekCounter(UserId user, String key) {
            Row r = users.get(user);
            return r == null ? 0 : r.counters.getOrDefault(key, 0L);
        }

        @Override
        public Optional<String> record(UserId user, String kind, String key) {
            Map<String, Rec> m = held(user).records.get(kind);
            Rec r = m == null ? null : m.get(key);
            return r == null ? Optional.empty() : Optional.of(r.value);
        }

        @Override
        public void putRecord(UserId user, String kind, String key, String value) {
            putRecord(user, kind, key, value, null);
        }

        @Override
        public void putRecord(UserId user, String kind, String key, String value, Object decoded) {
            Row r = held(user);
            checkRecord(kind, key, value);
            LinkedHashMap<String, Rec> m = r.records.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            Rec before = m.put(key, new Rec(value, decoded));
            undo.add(() -> {
                if (before == null) {
                    m.remove(key);
                } else {
                    m.put(key, before);
                }
            });
        }

        @Override
        public Map<String, String> records(UserId user, String kind) {
            Map<String, Rec> m = held(user).records.get(kind);
            if (m == null) {
                return Map.of();
            }
            LinkedHashMap<String, String> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            m.forEach((k, r) -> copy.put(k, r.value));
            return Collections.unmodifiableMap(copy);
        }

        @Override
        public <T> List<T> decodedRecords(UserId user, String kind, Class<T> type,
                                          BiFunction<String, String, T> decode) {
            Map<String, Rec> m = held(user).records.get(kind);
            if (m == null) {
                return new ArrayList<>(2);
            }
            List<T> out = new ArrayList<>(m.size() + 1);
            for (Map.Entry<String, Rec> e : m.entrySet()) {
                Rec r = e.getValue();
                Object d = r.decoded;
                if (!type.isInstance(d)) {
                    d = decode.apply(e.getKey(), r.value);
                    r.decoded = d; // under the row's lock; the decode of an unchanged text never changes
                }
                out.add(type.cast(d));
            }
            return out;
        }

        @Override
        public long coinsIssued() {
            return coinsIssued.get();
        }

        @Override
        public long tryIssueCoins(long coins, long maximum) {
            long issued;
            do {
                issued = coinsIssued.get();
                if (coins > maximum - issued) {
                    return -1 - issued;
                }
            } while (!coinsIssued.compareAndSet(issued, issued + coins));
            undo.add(() -> coinsIssued.addAndGet(-coins));
            return issued;
        }

        void finish() {
            release();
        }

        void rollback() {
            if (!appended) {
                for (int i = undo.size() - 1; i >= 0; i--) {
                    undo.get(i).run();
                }
            }
            release();
        }

        private void release() {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).lock.unlock();
            }
            held.clear();
        }
    }

    private static void checkRecord(String kind, String key, String value) {
        if (kind.isEmpty() || kind.length() > 32 || key.isEmpty() || key.length() > 128 || value.length() > 1_000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "record kind (1-32 chars), key (1-128) or value (<= 1000) too long: %d, %d, %d",
                    kind.length(), key.length(), value.length()));
        }
    }

    private static void checkPage(long fromSequence, int limit) {
        if (fromSequence < 1 || limit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fromSequence and limit must be at least 1, got %d and %d", fromSequence, limit));
        }
    }
}
