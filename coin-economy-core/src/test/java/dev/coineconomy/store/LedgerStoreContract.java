package dev.coineconomy.store;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link LedgerStore} must have. An implementing test class supplies {@link #newStore()}:
 * a store on empty state (each test calls it once).
 */
interface LedgerStoreContract {

    /** @return a new store on empty state */
    LedgerStore newStore();

    private static UserId u(String id) {
        return UserId.of(id);
    }

    private static RequestId r(String id) {
        return RequestId.of(id);
    }

    private static <T> T inTx(LedgerStore store, StoreWork<T> work) {
        return store.transact(work);
    }

    private static long longTx(LedgerStore store, java.util.function.ToLongFunction<StoreTransaction> work) {
        return store.transact(tx -> work.applyAsLong(tx));
    }

    /** Funds a user and appends a purchase entry, as a purchase command would. */
    private static JournalEntry buy(LedgerStore store, String request, String user, long coins) {
        return store.transact(tx -> {
            tx.lockUser(u(user));
            tx.addCoins(u(user), coins);
            assertTrue(tx.tryIssueCoins(coins, Long.MAX_VALUE) >= 0);
            return tx.append(r(request), Entries.purchase(request, user, coins, "USD", coins * 2));
        });
    }

    @Test
    default void eachReceiptKindRoundTripsExactlyWithItsPostings() {
        LedgerStore store = newStore();
        JournalEntry p = inTx(store, tx -> tx.append(r("p-1"), Entries.purchase("p-1", "viewer", 300, "USD", 299)));
        JournalEntry g = inTx(store, tx -> tx.append(r("g-1"), Entries.gift("g-1", "viewer", "creator", 20, 10)));
        JournalEntry w = inTx(store, tx -> tx.append(r("w-1"), Entries.withdrawal("w-1", "creator", 10, "JPY", 7)));
        JournalEntry e = inTx(store, tx -> tx.append(r("e-1"), Entries.purchase("e-1", "vi€wer-ä", 1, "EUR", 1)));
        for (JournalEntry entry : List.of(p, g, w, e)) {
            Optional<JournalEntry> found = inTx(store, tx -> tx.findEntry(entry.requestId()));
            assertEquals(Optional.of(entry), found);
            assertEquals(entry.receipt(), found.orElseThrow().receipt());
            assertEquals(entry.postings(), found.orElseThrow().postings());
        }
        assertEquals(123_456_789 + p.sequence(), p.instant().getNano(), "nanos survive");
        assertEquals(List.of(p, g, w, e), inTx(store, tx -> tx.entries(1, 10)));
        assertEquals(Optional.empty(), inTx(store, tx -> tx.findEntry(r("nope"))));
        assertEquals(4, inTx(store, StoreTransaction::entryCount));
    }

    @Test
    default void sequencesIncreaseInAppendOrder() {
        LedgerStore store = newStore();
        long last = 0;
        for (int i = 0; i < 12; i++) {
            JournalEntry e = buy(store, "seq-" + i, "user-" + (i % 3), 10 + i);
            assertTrue(e.sequence() > last, () -> e.sequence() + " after " + 0);
            last = e.sequence();
        }
        List<JournalEntry> all = inTx(store, tx -> tx.entries(1, 100));
        assertEquals(12, all.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(r("seq-" + i), all.get(i).requestId());
        }
    }

    @Test
    default void aRequestIdIsTakenOnceAndTheLoserSeesTheWinnersEntryOnRetry() throws Exception {
        LedgerStore store = newStore();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch loserTried = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<JournalEntry> winner = pool.submit(() -> store.transact(tx -> {
                JournalEntry e = tx.append(r("race"), Entries.gift("race", "a", "c", 5, 2));
                appended.countDown();
                await(loserTried);
                sleep(100); // the loser is now blocked on (or failed at) the request id
                return e;
            }));
            assertTrue(appended.await(10, TimeUnit.SECONDS));
            AtomicInteger attempts = new AtomicInteger();
            Future<JournalEntry> loser = pool.submit(() -> store.transact(tx -> {
                attempts.incrementAndGet();
                Optional<JournalEntry> existing = tx.findEntry(r("race"));
                loserTried.countDown();
                return existing.orElseGet(() -> tx.append(r("race"), Entries.gift("race", "b", "c", 7, 3)));
            }));
            JournalEntry won = winner.get(20, TimeUnit.SECONDS);
            assertEquals(won, loser.get(20, TimeUnit.SECONDS));
            assertTrue(attempts.get() >= 1);
            assertEquals(1, inTx(store, StoreTransaction::entryCount));
            assertEquals(Optional.of(won), inTx(store, tx -> tx.findEntry(r("race"))));
            // a later command with the taken id conflicts on every attempt: the store gives up
            LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.transact(
                    tx -> tx.append(r("race"), Entries.gift("race", "b", "c", 7, 3))));
            assertInstanceOf(StoreConflictException.class, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void aThrowingWorkLeavesNothingBehind() {
        LedgerStore store = newStore();
        buy(store, "fund", "v", 500);
        store.transact(tx -> {
            tx.lockUser(u("v"));
            tx.addCounter(u("v"), "day", 3);
            return null;
        });
        Map<AccountRef, Map<Unit, Long>> totals = store.postingTotals();
        UserState before = inTx(store, tx -> tx.user(u("v"))).orElseThrow();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.transact(tx -> {
            tx.lockUser(u("v"));
            tx.addCoins(u("v"), -100);
            tx.addDiamonds(u("v"), 4);
            tx.addCounter(u("v"), "day", 5);
            tx.addCounter(u("v"), "new", 1);
            tx.creditDiamonds(u("c"), 9);
            tx.addCoinsReceived(u("c2"), 100);
            tx.tryIssueCoins(1_000, Long.MAX_VALUE);
            throw boom; // append is a command's last call: a command that fails, fails before it
        }));
        assertSame(boom, thrown);
        assertAllAsBefore(store, before, totals);
        // the same, failing at the request id: a conflict on every attempt
        assertThrows(LedgerStoreException.class, () -> store.transact(tx -> {
            tx.lockUser(u("v"));
            tx.addCoins(u("v"), -100);
            tx.addDiamonds(u("v"), 4);
            tx.addCounter(u("v"), "day", 5);
            tx.addCounter(u("v"), "new", 1);
            tx.creditDiamonds(u("c"), 9);
            tx.addCoinsReceived(u("c2"), 100);
            tx.tryIssueCoins(1_000, Long.MAX_VALUE);
            return tx.append(r("fund"), Entries.gift("fund", "v", "c", 100, 9));
        }));
        assertAllAsBefore(store, before, totals);
        // the request id of the failed work was not consumed
        buy(store, "doomed", "v", 1);
    }

    private static void assertAllAsBefore(LedgerStore store, UserState before, Map<AccountRef, Map<Unit, Long>> totals) {
        assertEquals(Optional.of(before), inTx(store, tx -> tx.user(u("v"))));
        assertEquals(3, longTx(store, tx -> tx.peekCounter(u("v"), "day")));
        assertEquals(0, longTx(store, tx -> tx.peekCounter(u("v"), "new")));
        assertEquals(0, inTx(store, tx -> tx.user(u("c"))).map(UserState::diamonds).orElse(0L));
        assertEquals(0, inTx(store, tx -> tx.user(u("c2"))).map(UserState::coinsReceived).orElse(0L));
        assertEquals(500, longTx(store, StoreTransaction::coinsIssued));
        assertEquals(Optional.empty(), inTx(store, tx -> tx.findEntry(r("doomed"))));
        assertEquals(1, longTx(store, StoreTransaction::entryCount));
        assertEquals(totals, store.postingTotals());
    }

    @Test
    default void creditsBecomeVisibleOnlyAtCommit() throws Exception {
        LedgerStore store = newStore();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            store.transact(tx -> {
                tx.creditDiamonds(u("creator"), 40);
                Optional<UserState> seen = get(reader.submit(() -> store.transact(t -> t.user(u("creator")))));
                assertEquals(0, seen.map(UserState::diamonds).orElse(0L), "an uncommitted credit is invisible");
                return tx.append(r("g"), Entries.gift("g", "viewer", "creator", 80, 40));
            });
            assertEquals(40, inTx(store, tx -> tx.user(u("creator"))).orElseThrow().diamonds());
            // locking the creator folds the credit in; a debit under the lock sees it
            store.transact(tx -> {
                assertEquals(40, tx.lockUser(u("creator")).diamonds());
                tx.addDiamonds(u("creator"), -15);
                assertEquals(25, tx.lockUser(u("creator")).diamonds(), "the transaction's own debit");
                tx.creditDiamonds(u("creator"), 2); // a credit to a user locked in the same transaction
                return tx.append(r("g2"), Entries.gift("g2", "viewer", "creator", 4, 2));
            });
            assertEquals(new UserState(u("creator"), 0, 27, 0), inTx(store, tx -> tx.user(u("creator"))).orElseThrow());
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    default void aCreditDoesNotWaitForTheCreatorsLock() throws Exception {
        LedgerStore store = newStore();
        buy(store, "fund", "viewer", 100);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch creditDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> holder = pool.submit(() -> store.transact(tx -> {
                tx.lockUser(u("creator"));
                locked.countDown();
                return await(creditDone, 10); // holds the creator's lock until the credit committed
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            store.transact(tx -> {
                tx.lockUser(u("viewer"));
                tx.addCoins(u("viewer"), -10);
                tx.creditDiamonds(u("creator"), 5);
                return tx.append(r("gift"), Entries.gift("gift", "viewer", "creator", 10, 5));
            });
            creditDone.countDown();
            assertTrue(holder.get(20, TimeUnit.SECONDS), "the gift committed while the creator was locked");
            assertEquals(5, inTx(store, tx -> tx.user(u("creator"))).orElseThrow().diamonds());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void lockUserSerialisesDebitsOfOneUser() throws Exception {
        LedgerStore store = newStore();
        buy(store, "fund", "hot", 70);
        AtomicInteger debits = new AtomicInteger();
        runThreads(4, 30, (t, i) -> store.transact(tx -> {
            UserState s = tx.lockUser(u("hot"));
            if (s.coins() >= 1) {
                tx.addCoins(u("hot"), -1);
                tx.addCounter(u("hot"), "spent", 1);
                return true;
            }
            return false;
        }) ? debits.incrementAndGet() : 0);
        assertEquals(70, debits.get(), "every coin spent once, none twice");
        assertEquals(0, inTx(store, tx -> tx.user(u("hot"))).orElseThrow().coins());
        assertEquals(70, longTx(store, tx -> tx.peekCounter(u("hot"), "spent")));
    }

    @Test
    default void manyThreadsCreditingOneCreatorWhileItWithdrawsKeepExactTotals() throws Exception {
        LedgerStore store = newStore();
        AtomicLong withdrawn = new AtomicLong();
        runThreads(6, 25, (t, i) -> {
            if (t == 0) { // the creator withdraws 1 diamond when it can
                store.transact(tx -> {
                    long d = tx.lockUser(u("star")).diamonds();
                    if (d >= 1) {
                        tx.addDiamonds(u("star"), -1);
                        withdrawn.incrementAndGet();
                    }
                    return null;
                });
            } else {
                String id = "gift-" + t + "-" + i;
                store.transact(tx -> {
                    tx.creditDiamonds(u("star"), 3);
                    return tx.append(r(id), Entries.gift(id, "fan-" + t, "star", 6, 3));
                });
            }
            return 0;
        });
        long credited = 5L * 25 * 3;
        assertEquals(credited - withdrawn.get(), inTx(store, tx -> tx.user(u("star"))).orElseThrow().diamonds());
        assertEquals(credited - withdrawn.get(), inTx(store, tx -> tx.lockUser(u("star"))).diamonds());
        assertEquals(credited, store.postingTotals().get(AccountRef.user(AccountType.USER_DIAMONDS, u("star")))
                .get(Unit.DIAMONDS));
        assertEquals(125, inTx(store, tx -> tx.entriesOf(u("star"), 1, 1000)).size());
    }

    @Test
    default void coinsReceivedRunningTotalLocksAndAccumulates() throws Exception {
        LedgerStore store = newStore();
        runThreads(3, 20, (t, i) -> store.transact(tx -> tx.addCoinsReceived(u("creator"), 7)));
        UserState s = inTx(store, tx -> tx.user(u("creator"))).orElseThrow();
        assertEquals(3 * 20 * 7, s.coinsReceived());
        assertEquals(3 * 20 * 7 + 1, (long) store.transact(tx -> tx.addCoinsReceived(u("creator"), 1)));
    }

    @Test
    default void entriesAndEntriesOfPageInSequenceOrder() {
        LedgerStore store = newStore();
        List<JournalEntry> all = new ArrayList<>();
        Map<String, List<JournalEntry>> byUser = new HashMap<>();
        for (int i = 0; i < 23; i++) {
            String sender = "s" + (i % 3);
            String id = "page-" + i;
            JournalEntry e = inTx(store, tx -> tx.append(r(id), Entries.gift(id, sender, "creator", 2, 1)));
            all.add(e);
            byUser.computeIfAbsent(sender, k -> new ArrayList<>()).add(e);
        }
        List<JournalEntry> paged = new ArrayList<>();
        long from = 1;
        while (true) {
            long f = from;
            List<JournalEntry> page = inTx(store, tx -> tx.entries(f, 5));
            if (page.isEmpty()) {
                break;
            }
            assertTrue(page.size() <= 5);
            paged.addAll(page);
            from = page.get(page.size() - 1).sequence() + 1;
        }
        assertEquals(all, paged);
        for (Map.Entry<String, List<JournalEntry>> en : byUser.entrySet()) {
            List<JournalEntry> mine = new ArrayList<>();
            long f = 1;
            while (true) {
                long ff = f;
                List<JournalEntry> page = inTx(store, tx -> tx.entriesOf(u(en.getKey()), ff, 3));
                if (page.isEmpty()) {
                    break;
                }
                mine.addAll(page);
                f = page.get(page.size() - 1).sequence() + 1;
            }
            assertEquals(en.getValue(), mine);
        }
        assertEquals(all, inTx(store, tx -> tx.entriesOf(u("creator"), 1, 100)));
        assertEquals(List.of(), inTx(store, tx -> tx.entriesOf(u("nobody"), 1, 100)));
        assertEquals(all.subList(20, 23), inTx(store, tx -> tx.entries(all.get(20).sequence(), 100)));
        assertThrows(IllegalArgumentException.class, () -> store.transact(tx -> tx.entries(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> store.transact(tx -> tx.entriesOf(u("s0"), 1, 0)));
    }

    @Test
    default void postingTotalsSumEveryCommittedPosting() {
        LedgerStore store = newStore();
        assertEquals(Map.of(), store.postingTotals());
        List<JournalEntry> entries = List.of(
                buy(store, "b1", "v", 300), buy(store, "b2", "v", 100),
                inTx(store, tx -> tx.append(r("g1"), Entries.gift("g1", "v", "c", 50, 25))),
                inTx(store, tx -> tx.append(r("w1"), Entries.withdrawal("w1", "c", 20, "USD", 10))));
        Map<AccountRef, Map<Unit, Long>> expected = new HashMap<>();
        for (JournalEntry e : entries) {
            for (Posting p : e.postings()) {
                expected.computeIfAbsent(p.account(), k -> new HashMap<>()).merge(p.unit(), p.amount(), Long::sum);
            }
        }
        assertEquals(expected, store.postingTotals());
        assertEquals(-400L, store.postingTotals().get(AccountRef.platform(AccountType.COIN_ISSUANCE)).get(Unit.COINS));
    }

    @Test
    default void unknownUsersAndCountersAreEmpty() {
        LedgerStore store = newStore();
        assertEquals(Optional.empty(), inTx(store, tx -> tx.user(u("ghost"))));
        assertEquals(0, longTx(store, tx -> tx.peekCounter(u("ghost"), "k")));
        assertEquals(UserState.empty(u("ghost")), inTx(store, tx -> tx.lockUser(u("ghost"))));
        assertEquals(Optional.of(UserState.empty(u("ghost"))), inTx(store, tx -> tx.user(u("ghost"))));
        assertThrows(IllegalStateException.class, () -> store.transact(tx -> {
            tx.addCoins(u("other"), 1); // not locked
            return null;
        }));
        store.transact(tx -> {
            tx.lockUser(u("ghost"));
            tx.addCounter(u("ghost"), "payouts:2026-11-25", 250);
            tx.addCounter(u("ghost"), "payouts:2026-11-25", -50);
            assertEquals(200, tx.counter(u("ghost"), "payouts:2026-11-25"));
            return null;
        });
        assertEquals(200, longTx(store, tx -> tx.peekCounter(u("ghost"), "payouts:2026-11-25")));
    }

    @Test
    default void recordsKeepInsertionOrderSurviveReplacementAndRollBack() {
        LedgerStore store = newStore();
        UserId ana = u("ana");
        store.transact(tx -> {
            tx.lockUser(ana);
            assertEquals(Map.of(), tx.records(ana, "lot"));
            tx.putRecord(ana, "lot", "p-9", "coins=10");
            tx.putRecord(ana, "lot", "p-1", "coins=20");
            tx.putRecord(ana, "payout", "w-1", "PENDING");
            return null;
        });
        store.transact(tx -> {
            tx.lockUser(ana);
            tx.putRecord(ana, "lot", "p-9", "coins=3"); // replaced: keeps its first place
            tx.putRecord(ana, "lot", "p-5", "coins=7");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> store.transact(tx -> {
            tx.lockUser(ana);
            tx.putRecord(ana, "lot", "p-1", "coins=0");
            tx.putRecord(ana, "lot", "p-6", "coins=1");
            throw new IllegalStateException("rolled back");
        }));
        store.transact(tx -> {
            tx.lockUser(ana);
            assertEquals(List.of("p-9", "p-1", "p-5"), List.copyOf(tx.records(ana, "lot").keySet()));
            assertEquals(List.of("coins=3", "coins=20", "coins=7"), List.copyOf(tx.records(ana, "lot").values()));
            assertEquals(java.util.Optional.of("PENDING"), tx.record(ana, "payout", "w-1"));
            assertEquals(java.util.Optional.empty(), tx.record(ana, "payout", "w-2"));
            return null;
        });
    }

    @Test
    default void tryIssueCoinsStopsExactlyAtTheMaximum() {
        LedgerStore store = newStore();
        assertEquals(0, inTx(store, StoreTransaction::coinsIssued));
        assertEquals(0, longTx(store, tx -> tx.tryIssueCoins(60, 100)));
        assertEquals(60, longTx(store, tx -> tx.tryIssueCoins(40, 100)));
        assertEquals(-1 - 100, longTx(store, tx -> tx.tryIssueCoins(1, 100)));
        assertEquals(100, inTx(store, StoreTransaction::coinsIssued));
        assertEquals(-1 - 100, longTx(store, tx -> tx.tryIssueCoins(Long.MAX_VALUE, 100)));
        assertEquals(100, longTx(store, tx -> tx.tryIssueCoins(0, 100)));
    }

    @Test
    default void aTransactionThatAlwaysConflictsGivesUpWithLedgerStoreException() {
        LedgerStore store = newStore();
        AtomicInteger attempts = new AtomicInteger();
        LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.transact(tx -> {
            attempts.incrementAndGet();
            tx.lockUser(u("x"));
            tx.addCoins(u("x"), 5);
            throw new StoreConflictException("always", null);
        }));
        assertTrue(attempts.get() > 1, () -> "retried: " + attempts);
        assertInstanceOf(StoreConflictException.class, e.getCause());
        assertTrue(e.getMessage().contains(String.valueOf(attempts.get())), e::getMessage);
        assertEquals(UserState.empty(u("x")), inTx(store, tx -> tx.user(u("x"))).orElse(UserState.empty(u("x"))));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A task run by thread {@code t} for its {@code i}-th iteration. */
    interface Task {
        Object run(int t, int i) throws Exception;
    }

    private static void runThreads(int threads, int iterations, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        task.run(thread, i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        await(latch, 10);
    }

    private static boolean await(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
