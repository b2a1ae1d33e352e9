package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.event.EconomyEvent;
import dev.coineconomy.event.EconomyListener;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.stream.StreamId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.coineconomy.WiringSupport.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listeners through the facade: each accepted purchase, gift and withdrawal is delivered once, after
 * commit (its entry is visible when the listener runs) and before the command returns; rejected commands
 * and retries deliver nothing; a throwing listener is counted and changes nothing else; and from 8
 * threads every user's events arrive exactly once, in commit (sequence) order.
 */
class ListenerWiringTest {

    private static final Region US = Region.of("US");

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final AtomicReference<CoinEconomy> economy = new AtomicReference<>();
    /** Every delivery, in the order deliveries happened. */
    private final List<EconomyEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    /** Problems seen inside listeners (assertions there would only be counted as listener failures). */
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** Records each event and checks that its entry is committed and visible. */
    private final EconomyListener recorder = new EconomyListener() {
        @Override
        public void onEvent(EconomyEvent event) {
            CoinEconomy e = economy.get();
            JournalEntry entry = e.entry(event.requestId()).orElse(null);
            if (entry == null || !entry.receipt().equals(event.receipt())) {
                problems.add("entry of " + event + " not visible: " + entry);
            }
            if (e.journalSize() < event.sequence()) {
                problems.add("journal shorter than " + event.sequence());
            }
            delivered.add(event);
            EconomyListener.super.onEvent(event);
        }
    };

    private CoinEconomy build(EconomyPolicy policy, EconomyListener... listeners) {
        CoinEconomy.Builder b = CoinEconomy.builder().catalog(Catalog.reference()).policy(policy).clock(clock);
        for (EconomyListener l : listeners) {
            b.listener(l);
        }
        CoinEconomy e = b.build();
        economy.set(e);
        return e;
    }

    @Test
    void purchasesGiftsAndWithdrawalsAreDeliveredAfterCommitOnce() {
        List<Receipt> typed = new CopyOnWriteArrayList<>();
        EconomyListener typedListener = new EconomyListener() {
            @Override
            public void onPurchase(PurchaseReceipt receipt) {
                typed.add(receipt);
            }

            @Override
            public void onGift(GiftReceipt receipt) {
                typed.add(receipt);
            }

            @Override
            public void onWithdrawal(WithdrawalReceipt receipt) {
                typed.add(receipt);
            }
        };
        CoinEconomy e = build(EconomyPolicy.reference(), recorder, typedListener);
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        List<UserId> users = List.of(viewer, creator);

        PurchaseReceipt p = e.purchase(RequestId.of("p-1"), viewer, "coins-11000", US);
        assertEquals(List.of(EconomyEvent.of(p)), delivered, "delivered before the command returned");
        PurchaseReceipt p2 = e.purchase(RequestId.of("p-2"), viewer, "coins-11000", US);
        PurchaseReceipt p3 = e.purchase(RequestId.of("p-3"), viewer, "coins-11000", US);
        StreamId stream = StreamId.of("s");
        e.startStream(stream, creator);
        GiftReceipt g = e.sendStreamGift(RequestId.of("g-1"), viewer, stream, "lion", 1);
        WithdrawalReceipt w = e.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_000));

        // retries and rejections deliver nothing
        assertEquals(p, e.purchase(RequestId.of("p-1"), viewer, "coins-11000", US));
        assertEquals(g, e.sendStreamGift(RequestId.of("g-1"), viewer, stream, "lion", 1));
        assertEquals(w, e.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_000)));
        rejected(e, users, RequestId.of("x-1"), RejectionCode.INSUFFICIENT_COINS,
                () -> e.sendGift(RequestId.of("x-1"), viewer, creator, "universe", 1));
        rejected(e, users, null, RejectionCode.REQUEST_CONFLICT,
                () -> e.purchase(RequestId.of("g-1"), viewer, "coins-65", US));
        rejected(e, users, RequestId.of("x-2"), RejectionCode.UNKNOWN_PACK,
                () -> e.purchase(RequestId.of("x-2"), viewer, "no-such-pack", US));
        rejected(e, users, RequestId.of("x-3"), RejectionCode.BELOW_MINIMUM_WITHDRAWAL,
                () -> e.withdraw(RequestId.of("x-3"), creator, Diamonds.of(2)));

        List<EconomyEvent> expected = List.of(EconomyEvent.of(p), EconomyEvent.of(p2), EconomyEvent.of(p3),
                EconomyEvent.of(g), EconomyEvent.of(w));
        assertEquals(expected, delivered);
        assertEquals(List.of(EconomyEvent.Kind.PURCHASE, EconomyEvent.Kind.PURCHASE, EconomyEvent.Kind.PURCHASE,
                        EconomyEvent.Kind.GIFT, EconomyEvent.Kind.WITHDRAWAL),
                delivered.stream().map(EconomyEvent::kind).toList());
        assertEquals(List.of(p, p2, p3, g, w), typed, "the default onEvent routes to the typed methods");
        assertEquals(List.of(), problems);
        assertEquals(0, e.listenerFailures());
    }

    @Test
    void aStreamGiftIsCountedInItsSummaryBeforeListenersHearOfIt() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        StreamId stream = StreamId.of("s");
        EconomyListener reader = new EconomyListener() {
            @Override
            public void onGift(GiftReceipt receipt) {
                seen.add(economy.get().streamSummary(stream, 0).giftEntries());
            }
        };
        CoinEconomy e = build(EconomyPolicy.reference(), reader);
        UserId viewer = UserId.of("viewer");
        e.purchase(RequestId.of("p"), viewer, "coins-330", US);
        e.startStream(stream, UserId.of("creator"));
        e.sendStreamGift(RequestId.of("g-1"), viewer, stream, "rose", 1);
        e.sendStreamGift(RequestId.of("g-2"), viewer, stream, "rose", 1);
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void aThrowingListenerIsCountedAndNeitherUndoesNorBlocksAnything() {
        EconomyListener thrower = new EconomyListener() {
            @Override
            public void onEvent(EconomyEvent event) {
                throw new IllegalStateException("listener bug on " + event.sequence());
            }
        };
        CoinEconomy e = build(EconomyPolicy.reference(), thrower, recorder, thrower);
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        PurchaseReceipt p = e.purchase(RequestId.of("p"), viewer, "coins-11000", US);
        PurchaseReceipt p2 = e.purchase(RequestId.of("p2"), viewer, "coins-11000", US);
        PurchaseReceipt p3 = e.purchase(RequestId.of("p3"), viewer, "coins-11000", US);
        GiftReceipt g = e.sendGift(RequestId.of("g"), viewer, creator, "lion", 1);
        WithdrawalReceipt w = e.withdraw(RequestId.of("w"), creator, Diamonds.of(20_000));
        assertEquals(10, e.listenerFailures(), "two throwing registrations × five events");
        assertEquals(List.of(EconomyEvent.of(p), EconomyEvent.of(p2), EconomyEvent.of(p3), EconomyEvent.of(g),
                EconomyEvent.of(w)), delivered);
        assertEquals(5, e.journalSize());
        assertEquals(33_000 - 29_999, e.wallet(viewer).coins().amount());
        assertEquals(9_999, e.wallet(creator).diamonds().amount());
        assertEquals(9_999, e.trialBalance().balance(AccountRef.user(AccountType.USER_DIAMONDS, creator),
                Unit.DIAMONDS), "the journal agrees with the wallet");
        assertEquals(0, e.trialBalance().total(Unit.DIAMONDS));
        // a retry is still answered as stored and delivers nothing more
        assertEquals(g, e.sendGift(RequestId.of("g"), viewer, creator, "lion", 1));
        assertEquals(10, e.listenerFailures());
        assertEquals(List.of(), problems);
    }

    @Test
    void aCommandIssuedFromAListenerIsDeliveredAfterTheCurrentEvent() {
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        EconomyListener thanker = new EconomyListener() {
            @Override
            public void onPurchase(PurchaseReceipt receipt) {
                if (receipt.requestId().equals(RequestId.of("p"))) {
                    economy.get().sendGift(RequestId.of("welcome"), viewer, creator, "rose", 1);
                }
            }
        };
        CoinEconomy e = build(EconomyPolicy.reference(), thanker, recorder);
        e.purchase(RequestId.of("p"), viewer, "coins-65", US);
        assertEquals(List.of(RequestId.of("p"), RequestId.of("welcome")),
                delivered.stream().map(EconomyEvent::requestId).toList());
        assertEquals(2, e.journalSize());
        assertEquals(List.of(), problems);
    }

    @Test
    void fromEightThreadsEachUsersEventsArriveOnceInCommitOrder() throws Exception {
        EconomyListener flaky = new EconomyListener() {
            @Override
            public void onEvent(EconomyEvent event) {
                if (event.sequence() % 31 == 0) {
                    throw new IllegalStateException("flaky " + event.sequence());
                }
            }
        };
        EconomyPolicy policy = EconomyPolicy.reference().withDiamondsPerCoin(Ratio.of(2, 3))
                .withMinimumWithdrawal(Money.of("USD", "0.01"));
        CoinEconomy e = build(policy, flaky, recorder);
        List<UserId> creators = List.of(UserId.of("c0"), UserId.of("c1"), UserId.of("c2"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger rejections = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(thread);
                    List<UserId> mine = List.of(UserId.of("v" + thread + "a"), UserId.of("v" + thread + "b"));
                    for (int i = 0; i < 200; i++) {
                        UserId viewer = mine.get(random.nextInt(2));
                        UserId creator = creators.get(random.nextInt(creators.size()));
                        RequestId id = RequestId.of("t" + thread + "-" + i);
                        try {
                            switch (random.nextInt(6)) {
                                case 0 -> e.purchase(id, viewer, "coins-330", US);
                                case 1 -> e.withdraw(id, creator, Diamonds.of(2L * (1 + random.nextInt(50))));
                                case 2 -> e.sendGift(RequestId.of("t" + thread + "-" + random.nextInt(i + 1)),
                                        viewer, creator, "rose", 1); // often a retry or a conflict
                                default -> e.sendGift(id, viewer, creator, "finger-heart", 1 + random.nextInt(4));
                            }
                        } catch (EconomyException rejected) {
                            rejections.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems);
        assertTrue(rejections.get() > 0, "the run should include rejections");
        List<JournalEntry> journal = e.journal(1, Integer.MAX_VALUE);
        List<EconomyEvent> events = List.copyOf(delivered);
        assertEquals(journal.size(), events.size(), "one event per committed entry");
        Set<Long> sequences = new HashSet<>();
        for (EconomyEvent ev : events) {
            assertTrue(sequences.add(ev.sequence()), "delivered twice: " + ev);
            assertEquals(journal.get((int) ev.sequence() - 1).receipt(), ev.receipt());
        }
        Map<UserId, Long> last = new HashMap<>();
        for (EconomyEvent ev : events) {
            for (UserId u : usersOf(ev.receipt())) {
                long previous = last.getOrDefault(u, 0L);
                assertTrue(ev.sequence() > previous,
                        () -> "user " + u + " got " + ev.sequence() + " after " + previous);
                last.put(u, ev.sequence());
            }
        }
        long flakyFailures = journal.stream().filter(x -> x.sequence() % 31 == 0).count();
        assertEquals(flakyFailures, e.listenerFailures());
    }

    private static List<UserId> usersOf(Receipt r) {
        if (r instanceof PurchaseReceipt p) {
            return List.of(p.user());
        }
        if (r instanceof GiftReceipt g) {
            return List.of(g.sender(), g.creator());
        }
        return List.of(((WithdrawalReceipt) r).creator());
    }

    @Test
    void listenersAreOptional() {
        CoinEconomy e = build(EconomyPolicy.reference());
        e.purchase(RequestId.of("p"), UserId.of("v"), "coins-65", US);
        assertEquals(0, e.listenerFailures());
        assertThrows(NullPointerException.class, () -> CoinEconomy.builder().listener(null));
    }
}
