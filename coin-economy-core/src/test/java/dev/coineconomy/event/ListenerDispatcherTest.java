package dev.coineconomy.event;

import dev.coineconomy.Channel;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.internal.ListenerDispatcher;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener SPI and its dispatcher: routing to the typed methods, failures isolated and counted,
 * delivery in commit (sequence) order per user from many threads, synchronous return, gaps and
 * listeners that issue commands.
 */
class ListenerDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");
    private static final UserId VIEWER = UserId.of("viewer");
    private static final UserId CREATOR = UserId.of("creator");

    static PurchaseReceipt purchase(long seq, UserId user) {
        return new PurchaseReceipt(RequestId.of("p-" + seq), seq, T0.plusMillis(seq), user, "coins-70",
                Region.of("US"), Channel.APP, Coins.of(70), Money.of("USD", "0.99"), "cat-1", "pol-1");
    }

    static GiftReceipt gift(long seq, UserId sender, UserId creator) {
        return new GiftReceipt(RequestId.of("g-" + seq), seq, T0.plusMillis(seq), sender, creator, "rose", 1,
                Coins.of(1), Diamonds.of(1), "cat-1", "pol-1");
    }

    static WithdrawalReceipt withdrawal(long seq, UserId creator) {
        return new WithdrawalReceipt(RequestId.of("w-" + seq), seq, T0.plusMillis(seq), creator, Diamonds.of(20_000),
                Money.of("USD", "100.00"), "cat-1", "pol-1");
    }

    /** Records every event it gets, by sequence. */
    static final class Recorder implements EconomyListener {
        final List<EconomyEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(EconomyEvent event) {
            events.add(event);
        }

        List<Long> sequences() {
            return events.stream().map(EconomyEvent::sequence).toList();
        }
    }

    /** Throws on every event. */
    static class Thrower implements EconomyListener {
        final AtomicInteger calls = new AtomicInteger();
        final boolean error;

        Thrower(boolean error) {
            this.error = error;
        }

        @Override
        public void onEvent(EconomyEvent event) {
            calls.incrementAndGet();
            if (error) {
                throw new AssertionError("listener bug on " + event.sequence());
            }
            throw new IllegalStateException("listener down on " + event.sequence());
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("even toString fails");
        }
    }

    // ---- SPI -------------------------------------------------------------------------------------

    @Test
    void defaultOnEventRoutesToTheTypedMethods() {
        List<String> seen = new ArrayList<>();
        EconomyListener typed = new EconomyListener() {
            @Override
            public void onPurchase(PurchaseReceipt r) {
                seen.add("purchase " + r.sequence());
            }

            @Override
            public void onGift(GiftReceipt r) {
                seen.add("gift " + r.sequence());
            }

            @Override
            public void onWithdrawal(WithdrawalReceipt r) {
                seen.add("withdrawal " + r.sequence());
            }
        };
        typed.onEvent(EconomyEvent.of(purchase(1, VIEWER)));
        typed.onEvent(EconomyEvent.of(gift(2, VIEWER, CREATOR)));
        typed.onEvent(EconomyEvent.of(withdrawal(3, CREATOR)));
        assertEquals(List.of("purchase 1", "gift 2", "withdrawal 3"), seen);
        EconomyListener noop = new EconomyListener() {
        };
        assertDoesNotThrow(() -> noop.onEvent(EconomyEvent.of(gift(4, VIEWER, CREATOR))));
    }

    @Test
    void eventKindMustMatchTheReceipt() {
        EconomyEvent e = EconomyEvent.of(gift(7, VIEWER, CREATOR));
        assertEquals(EconomyEvent.Kind.GIFT, e.kind());
        assertEquals(7, e.sequence());
        assertEquals(RequestId.of("g-7"), e.requestId());
        assertEquals(EconomyEvent.Kind.PURCHASE, EconomyEvent.of(purchase(1, VIEWER)).kind());
        assertEquals(EconomyEvent.Kind.WITHDRAWAL, EconomyEvent.of(withdrawal(1, CREATOR)).kind());
        assertThrows(IllegalArgumentException.class, () -> new EconomyEvent(EconomyEvent.Kind.PURCHASE, gift(7, VIEWER, CREATOR)));
        assertThrows(IllegalArgumentException.class, () -> new EconomyEvent(EconomyEvent.Kind.REFUND, purchase(1, VIEWER)));
        assertThrows(NullPointerException.class, () -> new EconomyEvent(null, purchase(1, VIEWER)));
        assertThrows(NullPointerException.class, () -> new EconomyEvent(EconomyEvent.Kind.GIFT, null));
        assertThrows(NullPointerException.class, () -> EconomyEvent.of(null));
    }

    // ---- failures --------------------------------------------------------------------------------

    @Test
    void aThrowingListenerIsCountedAndBlocksNobody() {
        Thrower down = new Thrower(false);
        Thrower buggy = new Thrower(true);
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        ListenerDispatcher d = new ListenerDispatcher(List.of(before, down, buggy, after));
        for (long s = 1; s <= 5; s++) {
            long seq = s;
            assertDoesNotThrow(() -> d.publish(seq % 2 == 0 ? gift(seq, VIEWER, CREATOR) : purchase(seq, VIEWER)));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), before.sequences());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), after.sequences());
        assertEquals(5, down.calls.get());
        assertEquals(5, buggy.calls.get());
        assertEquals(5, d.failures(down));
        assertEquals(5, d.failures(buggy));
        assertEquals(0, d.failures(before));
        assertEquals(0, d.failures(new Recorder())); // not registered
        assertEquals(10, d.failures());
        assertEquals(5, d.delivered());
        assertEquals(6, d.nextSequence());
        // the immediate mode isolates failures the same way
        d.deliver(EconomyEvent.of(withdrawal(99, CREATOR)));
        assertEquals(12, d.failures());
        assertEquals(99L, after.sequences().get(5));
    }

    @Test
    void aListenerRegisteredTwiceIsCalledAndCountedTwice() {
        Thrower down = new Thrower(false);
        ListenerDispatcher d = new ListenerDispatcher(List.of(down, down));
        d.publish(purchase(1, VIEWER));
        assertEquals(2, down.calls.get());
        assertEquals(2, d.failures(down));
        assertEquals(2, d.failures());
    }

    // ---- ordering --------------------------------------------------------------------------------

    /**
     * Eight threads commit gifts and purchases among ten users, taking sequences as the journal hands them
     * out and publishing them in whatever order they finish. Every user's events arrive in sequence
     * order (in fact all events do), one at a time, each exactly once, and each before its publish returns.
     */
    @Test
    void eventsArriveInCommitOrderPerUserFromManyThreads() throws Exception {
        int threads = 8;
        int perThread = 3_000;
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(UserId.of("u" + i));
        }
        Map<UserId, Long> lastByUser = new HashMap<>(); // touched only by the (serialised) listener
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastGlobal = new AtomicLong();
        EconomyListener orderChecker = new EconomyListener() {
            @Override
            public void onEvent(EconomyEvent event) {
                if (inFlight.incrementAndGet() != 1) {
                    violations.add("two events delivered at once at " + event.sequence());
                }
                long seq = event.sequence();
                if (lastGlobal.getAndSet(seq) != seq - 1) {
                    violations.add("global order broken at " + seq);
                }
                for (UserId u : usersOf(event.receipt())) {
                    Long last = lastByUser.put(u, seq);
                    if (last != null && last >= seq) {
                        violations.add(u + " saw " + seq + " after " + last);
                    }
                }
                if (!delivered.add(seq)) {
                    violations.add("delivered twice: " + seq);
                }
                inFlight.decrementAndGet();
            }
        };
        Thrower noisy = new Thrower(false) {
            @Override
            public void onEvent(EconomyEvent event) {
                if (event.sequence() % 1000 == 0) {
                    super.onEvent(event);
                }
            }
        };
        ListenerDispatcher d = new ListenerDispatcher(List.of(orderChecker, noisy), 1, Duration.ofSeconds(30));
        AtomicLong journal = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < perThread; i++) {
                        UserId a = users.get(rnd.nextInt(users.size()));
                        UserId b = users.get(rnd.nextInt(users.size()));
                        long seq;
                        Receipt r;
                        synchronized (journal) { // the append: sequence order is commit order
                            seq = journal.incrementAndGet();
                        }
                        r = rnd.nextInt(4) == 0 ? purchase(seq, a) : gift(seq, a, b);
                        if (rnd.nextInt(8) == 0) {
                            LockSupport.parkNanos(rnd.nextInt(50_000)); // finish the commit late
                        }
                        d.publish(r);
                        if (!delivered.contains(seq)) {
                            violations.add("publish of " + seq + " returned before its delivery");
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())));
        long total = (long) threads * perThread;
        assertEquals(total, delivered.size());
        assertEquals(total, d.delivered());
        assertEquals(total + 1, d.nextSequence());
        assertEquals(0, d.pendingCount());
        assertEquals(total / 1000, d.failures(noisy));
        assertEquals(total / 1000, d.failures());
    }

    private static List<UserId> usersOf(Receipt r) {
        if (r instanceof GiftReceipt g) {
            return g.sender().equals(g.creator()) ? List.of(g.sender()) : List.of(g.sender(), g.creator());
        }
        if (r instanceof PurchaseReceipt p) {
            return List.of(p.user());
        }
        return List.of(((WithdrawalReceipt) r).creator());
    }

    @Test
    void aListenerThatIssuesACommandGetsItsEventAfterTheCurrentOne() {
        AtomicLong journal = new AtomicLong();
        List<String> log = new CopyOnWriteArrayList<>();
        ListenerDispatcher[] holder = new ListenerDispatcher[1];
        EconomyListener welcomeGift = new EconomyListener() {
            @Override
            public void onPurchase(PurchaseReceipt r) {
                log.add("purchase " + r.sequence() + " start");
                // the host reacts to a purchase by committing a gift, from inside the listener
                holder[0].publish(gift(journal.incrementAndGet(), r.user(), CREATOR));
                log.add("purchase " + r.sequence() + " end");
            }

            @Override
            public void onGift(GiftReceipt r) {
                log.add("gift " + r.sequence());
            }
        };
        Recorder recorder = new Recorder();
        holder[0] = new ListenerDispatcher(List.of(welcomeGift, recorder));
        holder[0].publish(purchase(journal.incrementAndGet(), VIEWER));
        assertEquals(List.of("purchase 1 start", "purchase 1 end", "gift 2"), log);
        assertEquals(List.of(1L, 2L), recorder.sequences()); // every listener got 1 before any got 2
        assertEquals(3, holder[0].nextSequence());
    }

    // ---- gaps ------------------------------------------------------------------------------------

    @Test
    void aMissingSequenceDelaysLaterEventsWithoutBlockingForever() {
        Recorder recorder = new Recorder();
        ListenerDispatcher d = new ListenerDispatcher(List.of(recorder), 1, Duration.ofMillis(50));
        long start = System.nanoTime();
        d.publish(gift(2, VIEWER, CREATOR)); // 1 is still being committed: waits 50 ms, then gives up
        long waited = System.nanoTime() - start;
        assertTrue(waited >= 50_000_000L, () -> "waited " + waited);
        assertEquals(List.of(), recorder.sequences());
        long start3 = System.nanoTime();
        d.publish(gift(3, CREATOR, VIEWER)); // the gap is known: no second wait
        assertTrue(System.nanoTime() - start3 < 40_000_000L);
        assertEquals(2, d.pendingCount());
        d.publish(purchase(1, VIEWER)); // fills the gap: 1, 2, 3 delivered in order
        assertEquals(List.of(1L, 2L, 3L), recorder.sequences());
        d.skip(4); // a slot without an event
        d.publish(purchase(5, VIEWER));
        assertEquals(List.of(1L, 2L, 3L, 5L), recorder.sequences());
        assertEquals(6, d.nextSequence());
        assertEquals(0, d.pendingCount());
        assertThrows(IllegalArgumentException.class, () -> d.publish(purchase(3, VIEWER)));
        assertThrows(IllegalArgumentException.class, () -> d.skip(5));
        d.skip(7); // pending until 6 comes
        assertThrows(IllegalArgumentException.class, () -> d.publish(purchase(7, VIEWER)));
        assertEquals(4, d.delivered());
    }

    @Test
    void aReopenedJournalStartsAfterItsEntries() {
        Recorder recorder = new Recorder();
        ListenerDispatcher d = new ListenerDispatcher(List.of(recorder), 101, Duration.ofSeconds(1));
        d.publish(purchase(101, VIEWER));
        assertEquals(List.of(101L), recorder.sequences());
        assertThrows(IllegalArgumentException.class, () -> d.publish(purchase(100, VIEWER)));
        assertThrows(IllegalArgumentException.class, () -> new ListenerDispatcher(List.of(), 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new ListenerDispatcher(List.of(), 1, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new ListenerDispatcher(java.util.Arrays.asList(recorder, null)));
    }

    @Test
    void withoutListenersNothingIsKept() {
        ListenerDispatcher d = new ListenerDispatcher(List.of());
        assertTrue(d.isEmpty());
        d.publish(gift(5, VIEWER, CREATOR)); // out of order, but nobody listens: returns at once
        d.skip(9);
        assertEquals(1, d.nextSequence());
        assertEquals(0, d.pendingCount());
        assertEquals(0, d.delivered());
        assertFalse(new ListenerDispatcher(List.of(new Recorder())).isEmpty());
    }
}
