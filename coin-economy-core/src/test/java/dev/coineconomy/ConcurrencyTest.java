package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade under 8 threads started together: a hot creator receiving gifts from many viewers (exact
 * carry under contention), one request id raced from every thread (applied once), one viewer's coins
 * overspent from every thread (never negative, never over-debited), and one creator's withdrawals raced
 * against the daily limit (never exceeded, per calendar day). Every scenario runs several rounds on a
 * fresh economy, and ends by checking the books: the trial balance recomputed from the journal equals
 * the wallets and balances per unit.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final Region US = Region.of("US");
    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    private static final Catalog CATALOG = Catalog.builder()
            .version("concurrency-1")
            .pack(CoinPack.builder("p-1000", 1000).price(US, Channel.APP, Money.of("USD", "14.99")).build())
            .pack(CoinPack.builder("p-77", 77).price(US, Channel.APP, Money.of("USD", "1.19")).build())
            .pack(CoinPack.builder("p-100k", 100_000).price(US, Channel.APP, Money.of("USD", "1399.99")).build())
            .gift("g-1", "One", 1)
            .gift("g-3", "Three", 3)
            .gift("g-7", "Seven", 7)
            .gift("g-50", "Fifty", 50)
            .gift("g-99", "Ninety-nine", 99)
            .build();

    private static EconomyPolicy policy(Ratio ratio, String minimum, String dailyLimit, ZoneId zone) {
        return EconomyPolicy.reference()
                .withVersion("concurrency-" + ratio.numerator() + "-" + ratio.denominator())
                .withDiamondsPerCoin(ratio)
                .withPayout(new PayoutPolicy(DiamondValue.perDiamond("USD", "0.005"),
                        Money.of("USD", minimum), Money.of("USD", dailyLimit), zone));
    }

    private static CoinEconomy economy(EconomyPolicy policy, Clock clock) {
        return CoinEconomy.builder().catalog(CATALOG).policy(policy).clock(clock).build();
    }

    // ---- 1. a hot creator ----------------------------------------------------------------------

    @Test
    void manyViewersGiftingOneHotCreatorKeepExactCarry() throws Exception {
        Ratio[] ratios = {Ratio.of(2, 3), Ratio.of(7, 10), Ratio.of(1, 3)};
        for (int round = 0; round < 3; round++) {
            hotCreatorRound(round, ratios[round]);
        }
    }

    private void hotCreatorRound(int round, Ratio ratio) throws Exception {
        String ctx = "round " + round + ", ratio " + ratio;
        CoinEconomy economy = economy(policy(ratio, "1.00", "1000.00", ZoneOffset.UTC),
                Clock.fixed(NOON, ZoneOffset.UTC));
        UserId creator = UserId.of("hot-creator");
        int viewers = 800;

        // every thread buys coins for its viewers at the same time
        List<long[]> bought = race(THREADS, t -> {
            long[] coins = new long[viewers];
            for (int v = t; v < viewers; v += THREADS) {
                UserId viewer = viewer(v);
                coins[v] += economy.purchase(RequestId.of("buy-" + v), viewer, "p-1000", US).coins().amount();
                for (int k = 0; k < v % 3; k++) {
                    coins[v] += economy.purchase(RequestId.of("buy-" + v + "-" + k), viewer, "p-77", US)
                            .coins().amount();
                }
            }
            return coins;
        });
        long[] balance = new long[viewers];
        long purchases = 0;
        for (long[] perThread : bought) {
            for (int v = 0; v < viewers; v++) {
                balance[v] += perThread[v];
            }
        }
        for (int v = 0; v < viewers; v++) {
            assertEquals(balance[v], economy.wallet(viewer(v)).coins().amount(), ctx + ": coins bought by viewer " + v);
            purchases += 1 + v % 3;
        }
        assertEquals(purchases, economy.journalSize(), ctx + ": one entry per purchase");

        // an observer: the creator's diamonds and the journal only ever grow while gifts land
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> observed = new AtomicReference<>();
        Thread observer = new Thread(() -> {
            long lastDiamonds = 0;
            long lastSize = 0;
            while (!done.get() && observed.get() == null) {
                long d = economy.wallet(creator).diamonds().amount();
                long n = economy.journalSize();
                if (d < lastDiamonds || n < lastSize) {
                    observed.set("went back: diamonds " + lastDiamonds + " → " + d + ", journal " + lastSize + " → " + n);
                }
                lastDiamonds = d;
                lastSize = n;
                Thread.onSpinWait();
            }
        }, "observer");
        observer.setDaemon(true);
        observer.start();
        List<List<GiftReceipt>> sent;
        try {
            // every thread gifts from its own viewers, round-robin, until they run dry
            String[] gifts = {"g-1", "g-3", "g-7", "g-50", "g-99"};
            sent = race(THREADS, t -> {
                SplittableRandom rnd = new SplittableRandom(31L * round + t);
                List<GiftReceipt> receipts = new ArrayList<>();
                long[] left = balance.clone();
                for (int pass = 0; pass < 25; pass++) {
                    for (int v = t; v < viewers; v += THREADS) {
                        String gift = gifts[rnd.nextInt(gifts.length)];
                        long quantity = 1 + rnd.nextInt(4);
                        RequestId id = RequestId.of("gift-" + v + "-" + pass);
                        try {
                            GiftReceipt r = economy.sendGift(id, viewer(v), creator, gift, quantity);
                            left[v] -= r.coinsSpent().amount();
                            receipts.add(r);
                        } catch (EconomyException e) {
                            // only this thread spends this viewer's coins: the rejection is exact
                            assertEquals(RejectionCode.INSUFFICIENT_COINS, e.code(), e::getMessage);
                            assertEquals(Coins.of(left[v]), e.value("available"), e::getMessage);
                            assertTrue(((Coins) e.value("needed")).amount() > left[v], e::getMessage);
                        }
                    }
                }
                return receipts;
            });
        } finally {
            done.set(true);
            observer.join(10_000);
        }
        assertNull(observed.get(), () -> ctx + ": " + observed.get());

        long totalCoins = 0;
        long totalDiamonds = 0;
        long gifted = 0;
        long[] spent = new long[viewers];
        Set<Long> sequences = new HashSet<>();
        for (List<GiftReceipt> perThread : sent) {
            for (GiftReceipt r : perThread) {
                totalCoins += r.coinsSpent().amount();
                totalDiamonds += r.diamondsCredited().amount();
                spent[Integer.parseInt(r.sender().value().substring("viewer-".length()))] += r.coinsSpent().amount();
                assertTrue(sequences.add(r.sequence()), ctx + ": sequence " + r.sequence() + " given twice");
                gifted++;
            }
        }
        assertTrue(gifted > viewers * 5L, ctx + ": gifts were sent (" + gifted + ")");
        long expectedDiamonds = BigInteger.valueOf(totalCoins).multiply(BigInteger.valueOf(ratio.numerator()))
                .divide(BigInteger.valueOf(ratio.denominator())).longValueExact();
        assertEquals(expectedDiamonds, economy.wallet(creator).diamonds().amount(),
                ctx + ": creator diamonds = floor(total coins × ratio)");
        assertEquals(expectedDiamonds, totalDiamonds, ctx + ": Σ diamondsCredited of the receipts");
        long[] expectedCoins = new long[viewers];
        for (int v = 0; v < viewers; v++) {
            expectedCoins[v] = balance[v] - spent[v];
            assertEquals(expectedCoins[v], economy.wallet(viewer(v)).coins().amount(), ctx + ": coins of viewer " + v);
        }
        assertEquals(purchases + gifted, economy.journalSize(), ctx + ": journal size = accepted commands");
        assertEquals(gifted, economy.statement(creator).size(), ctx + ": creator's statement");
        // sequences are exactly purchases+1 .. purchases+gifted
        for (long s = purchases + 1; s <= purchases + gifted; s++) {
            assertTrue(sequences.contains(s), ctx + ": sequence " + s + " missing");
        }

        TrialBalance tb = assertBooks(economy, ctx);
        assertEquals(-expectedDiamonds, tb.balance(AccountRef.platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS), ctx);
        assertEquals(totalCoins, tb.balance(AccountRef.platform(AccountType.COINS_SPENT), Unit.COINS), ctx);
        assertEquals(expectedDiamonds, tb.balance(AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS), ctx);
        for (int v = 0; v < viewers; v++) {
            assertEquals(expectedCoins[v], tb.balance(AccountRef.user(AccountType.USER_COINS, viewer(v)), Unit.COINS), ctx);
        }
    }

    // ---- 2. one request id from every thread -----------------------------------------------------

    /** An economy where the viewer holds coins and the creator diamonds, at a fixed clock. */
    private static CoinEconomy fundedPair(Ratio ratio, UserId viewer, UserId creator) {
        CoinEconomy economy = economy(policy(ratio, "0.01", "1000000.00", ZoneOffset.UTC),
                Clock.fixed(NOON, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            economy.purchase(RequestId.of("seed-" + i), viewer, "p-100k", US);
        }
        economy.sendGift(RequestId.of("seed-gift"), viewer, creator, "g-99", 1000);
        return economy;
    }

    @Test
    void theSameCommandRacedFromEveryThreadIsAppliedOnce() throws Exception {
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        CoinEconomy economy = fundedPair(Ratio.of(2, 3), viewer, creator);

        for (int round = 0; round < 30; round++) {
            String ctx = "round " + round;
            RequestId id = RequestId.of("same-" + round);
            Wallet viewerBefore = economy.wallet(viewer);
            Wallet creatorBefore = economy.wallet(creator);
            long sizeBefore = economy.journalSize();
            int kind = round % 3;
            List<Receipt> receipts = race(THREADS, t -> {
                switch (kind) {
                    case 0:
                        return economy.purchase(id, viewer, "p-77", US);
                    case 1:
                        return economy.sendGift(id, viewer, creator, "g-7", 5);
                    default:
                        return economy.withdraw(id, creator, Diamonds.of(200));
                }
            });
            for (Receipt r : receipts) {
                assertEquals(receipts.get(0), r, ctx + ": every thread gets the same receipt");
            }
            assertEquals(sizeBefore + 1, economy.journalSize(), ctx + ": applied exactly once");
            assertEquals(receipts.get(0), economy.entry(id).orElseThrow().receipt(), ctx);
            Wallet viewerAfter = economy.wallet(viewer);
            Wallet creatorAfter = economy.wallet(creator);
            Receipt r = receipts.get(0);
            if (r instanceof PurchaseReceipt p) {
                assertEquals(viewerBefore.coins().plus(p.coins()), viewerAfter.coins(), ctx);
                assertEquals(creatorBefore, creatorAfter, ctx);
            } else if (r instanceof GiftReceipt g) {
                assertEquals(viewerBefore.coins().minus(Coins.of(35)), viewerAfter.coins(), ctx);
                assertEquals(creatorBefore.diamonds().plus(g.diamondsCredited()), creatorAfter.diamonds(), ctx);
            } else {
                WithdrawalReceipt w = (WithdrawalReceipt) r;
                assertEquals(Money.of("USD", "1.00"), w.payout(), ctx);
                assertEquals(creatorBefore.diamonds().minus(Diamonds.of(200)), creatorAfter.diamonds(), ctx);
                assertEquals(viewerBefore, viewerAfter, ctx);
            }
        }
        assertBooks(economy, "same command");
    }

    @Test
    void differentCommandsRacingForOneRequestIdAcceptExactlyOne() throws Exception {
        UserId viewer = UserId.of("viewer");
        UserId creator = UserId.of("creator");
        CoinEconomy economy = fundedPair(Ratio.of(7, 10), viewer, creator);

        for (int round = 0; round < 30; round++) {
            String ctx = "round " + round;
            RequestId id = RequestId.of("contested-" + round);
            Wallet viewerBefore = economy.wallet(viewer);
            Wallet creatorBefore = economy.wallet(creator);
            long sizeBefore = economy.journalSize();
            boolean mixedKinds = round % 2 == 1;
            int r = round;
            List<Outcome> outcomes = race(THREADS, t -> attempt(() -> {
                int kind = mixedKinds ? t % 3 : 1;
                switch (kind) {
                    case 0:
                        return economy.purchase(id, UserId.of("buyer-" + r + "-" + t), "p-77", US);
                    case 1:
                        return economy.sendGift(id, viewer, creator, "g-3", t + 1);
                    default:
                        return economy.withdraw(id, creator, Diamonds.of(200L + 2 * t));
                }
            }));
            Receipt winner = null;
            int conflicts = 0;
            for (Outcome o : outcomes) {
                if (o.receipt() != null) {
                    assertNull(winner, ctx + ": two commands accepted for one id");
                    winner = o.receipt();
                } else {
                    assertEquals(RejectionCode.REQUEST_CONFLICT, o.rejection().code(), ctx);
                    conflicts++;
                }
            }
            assertNotNull(winner, ctx + ": one command accepted");
            assertEquals(THREADS - 1, conflicts, ctx);
            for (Outcome o : outcomes) {
                if (o.rejection() != null) {
                    assertEquals(winner, o.rejection().value("existing"), ctx + ": the conflict names the winner");
                }
            }
            assertEquals(sizeBefore + 1, economy.journalSize(), ctx);
            assertEquals(winner, economy.entry(id).orElseThrow().receipt(), ctx);
            Wallet viewerAfter = economy.wallet(viewer);
            Wallet creatorAfter = economy.wallet(creator);
            if (winner instanceof PurchaseReceipt p) {
                assertEquals(Coins.of(77), economy.wallet(p.user()).coins(), ctx);
                assertEquals(viewerBefore, viewerAfter, ctx);
                assertEquals(creatorBefore, creatorAfter, ctx);
            } else if (winner instanceof GiftReceipt g) {
                assertEquals(viewerBefore.coins().minus(g.coinsSpent()), viewerAfter.coins(), ctx);
                assertEquals(3 * g.quantity(), g.coinsSpent().amount(), ctx);
                assertEquals(creatorBefore.diamonds().plus(g.diamondsCredited()), creatorAfter.diamonds(), ctx);
            } else {
                WithdrawalReceipt w = (WithdrawalReceipt) winner;
                assertEquals(creatorBefore.diamonds().minus(w.diamondsDebited()), creatorAfter.diamonds(), ctx);
                assertEquals(viewerBefore, viewerAfter, ctx);
            }
        }
        assertBooks(economy, "contested ids");
    }

    // ---- 3. one viewer's coins spent from every thread --------------------------------------------

    @Test
    void oneViewerOverspentFromEveryThreadNeverGoesNegative() throws Exception {
        for (int round = 0; round < 12; round++) {
            String ctx = "round " + round;
            Ratio ratio = round % 2 == 0 ? Ratio.of(2, 3) : Ratio.of(1, 1);
            CoinEconomy economy = economy(policy(ratio, "1.00", "1000.00", ZoneOffset.UTC),
                    Clock.fixed(NOON, ZoneOffset.UTC));
            UserId viewer = UserId.of("spender");
            economy.purchase(RequestId.of("buy-1"), viewer, "p-1000", US);
            economy.purchase(RequestId.of("buy-2"), viewer, "p-77", US);
            long initial = 1077;
            boolean fixedPrice = round % 3 != 2;
            String[] gifts = {"g-1", "g-3", "g-7", "g-50", "g-99"};

            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<String> observed = new AtomicReference<>();
            Thread observer = new Thread(() -> {
                long last = initial;
                while (!done.get() && observed.get() == null) {
                    try {
                        long c = economy.wallet(viewer).coins().amount();
                        if (c > last) {
                            observed.set("coins went up: " + last + " → " + c);
                        }
                        last = c;
                    } catch (RuntimeException e) {
                        observed.set("wallet could not be read: " + e);
                    }
                    Thread.onSpinWait();
                }
            }, "observer");
            observer.setDaemon(true);
            observer.start();
            int r = round;
            List<List<Outcome>> results;
            try {
                results = race(THREADS, t -> {
                    SplittableRandom rnd = new SplittableRandom(1000L * r + t);
                    UserId creator = UserId.of("creator-" + t);
                    List<Outcome> out = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        String gift = fixedPrice ? "g-7" : gifts[rnd.nextInt(gifts.length)];
                        RequestId id = RequestId.of("g-" + t + "-" + i);
                        out.add(attempt(() -> economy.sendGift(id, viewer, creator, gift, 1)));
                    }
                    return out;
                });
            } finally {
                done.set(true);
                observer.join(10_000);
            }
            assertNull(observed.get(), () -> ctx + ": " + observed.get());

            long debited = 0;
            long accepted = 0;
            long minRejectedNeed = Long.MAX_VALUE;
            Map<UserId, Long> received = new HashMap<>();
            Map<UserId, Long> credited = new HashMap<>();
            for (List<Outcome> perThread : results) {
                for (Outcome o : perThread) {
                    if (o.receipt() != null) {
                        GiftReceipt g = (GiftReceipt) o.receipt();
                        debited += g.coinsSpent().amount();
                        accepted++;
                        received.merge(g.creator(), g.coinsSpent().amount(), Long::sum);
                        credited.merge(g.creator(), g.diamondsCredited().amount(), Long::sum);
                    } else {
                        EconomyException e = o.rejection();
                        assertEquals(RejectionCode.INSUFFICIENT_COINS, e.code(), ctx + ": " + e.getMessage());
                        long needed = ((Coins) e.value("needed")).amount();
                        long available = ((Coins) e.value("available")).amount();
                        assertTrue(available < needed, ctx + ": " + e.getMessage());
                        minRejectedNeed = Math.min(minRejectedNeed, needed);
                    }
                }
            }
            long left = economy.wallet(viewer).coins().amount();
            assertTrue(left >= 0, ctx);
            assertEquals(initial - left, debited, ctx + ": coins debited = Σ coins spent of accepted gifts");
            if (fixedPrice) {
                assertEquals(initial / 7, accepted, ctx + ": as many gifts as the coins pay for");
                assertEquals(accepted * 7, debited, ctx + ": accepted × price = coins debited");
                assertEquals(initial % 7, left, ctx);
            }
            assertTrue(minRejectedNeed != Long.MAX_VALUE, ctx + ": some gifts were rejected");
            assertTrue(left < minRejectedNeed, ctx + ": a rejected gift really was unaffordable (left " + left + ")");
            for (Map.Entry<UserId, Long> e : received.entrySet()) {
                long expected = BigInteger.valueOf(e.getValue()).multiply(BigInteger.valueOf(ratio.numerator()))
                        .divide(BigInteger.valueOf(ratio.denominator())).longValueExact();
                assertEquals(expected, economy.wallet(e.getKey()).diamonds().amount(), ctx + ": " + e.getKey());
                assertEquals(expected, (long) credited.get(e.getKey()), ctx + ": receipts of " + e.getKey());
            }
            assertEquals(2 + accepted, economy.journalSize(), ctx + ": journal size = accepted commands");
            assertBooks(economy, ctx);
        }
    }

    // ---- 4. one creator's withdrawals against the daily limit -----------------------------------

    @Test
    void racingWithdrawalsNeverExceedTheDailyLimit() throws Exception {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        for (int round = 0; round < 12; round++) {
            // variants: plenty of diamonds; fewer diamonds than the limit; gifts landing meanwhile
            int variant = round % 3;
            String ctx = "round " + round + ", variant " + variant;
            // a clock that ticks 1 ms per read, starting 30 ms before midnight in Los Angeles: some
            // withdrawals fall on one day, the rest on the next
            Instant beforeMidnight = LocalDate.of(2026, 11, 25).plusDays(1).atStartOfDay(zone).toInstant()
                    .minusMillis(30 + round);
            TickingClock clock = new TickingClock(beforeMidnight);
            EconomyPolicy policy = policy(Ratio.of(1, 1), "1.00", "20.00", zone); // 200 .. 4,000 diamonds a day
            CoinEconomy economy = economy(policy, clock);
            UserId creator = UserId.of("creator");
            UserId fan = UserId.of("fan");
            economy.purchase(RequestId.of("seed-buy"), fan, "p-100k", US);
            long seedDiamonds = variant == 1 ? 3_001 : 12_001; // odd: one diamond is never payable
            economy.sendGift(RequestId.of("seed-gift"), fan, creator, "g-1", seedDiamonds);
            long diamondsBefore = economy.wallet(creator).diamonds().amount();
            assertEquals(seedDiamonds, diamondsBefore, ctx);

            int r = round;
            List<List<Outcome>> results = race(THREADS, t -> {
                SplittableRandom rnd = new SplittableRandom(77L * r + t);
                List<Outcome> out = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    if (variant == 2 && t % 2 == 1) {
                        RequestId id = RequestId.of("gift-" + t + "-" + i);
                        out.add(attempt(() -> economy.sendGift(id, fan, creator, "g-50", 1 + rnd.nextInt(3))));
                    } else {
                        long d = 2L * (100 + rnd.nextInt(400)); // USD 1.00 .. 4.98
                        RequestId id = RequestId.of("w-" + t + "-" + i);
                        out.add(attempt(() -> economy.withdraw(id, creator, Diamonds.of(d))));
                    }
                }
                return out;
            });

            Map<LocalDate, Long> paidPerDay = new TreeMap<>();
            long debited = 0;
            long giftDiamonds = 0;
            long accepted = 0;
            List<EconomyException> rejections = new ArrayList<>();
            for (List<Outcome> perThread : results) {
                for (Outcome o : perThread) {
                    if (o.receipt() instanceof WithdrawalReceipt w) {
                        LocalDate day = LocalDate.ofInstant(w.instant(), zone);
                        paidPerDay.merge(day, w.payout().toMinorUnits(), Long::sum);
                        debited += w.diamondsDebited().amount();
                        assertEquals(w.diamondsDebited().amount() / 2, w.payout().toMinorUnits(), ctx + ": payout");
                        accepted++;
                    } else if (o.receipt() instanceof GiftReceipt g) {
                        giftDiamonds += g.diamondsCredited().amount();
                        accepted++;
                    } else {
                        rejections.add(o.rejection());
                    }
                }
            }
            assertTrue(!paidPerDay.isEmpty(), ctx + ": some withdrawals were accepted");
            for (Map.Entry<LocalDate, Long> e : paidPerDay.entrySet()) {
                assertTrue(e.getValue() <= 2000, ctx + ": paid " + e.getValue() + " cents on " + e.getKey());
            }
            long diamondsAfter = economy.wallet(creator).diamonds().amount();
            assertTrue(diamondsAfter >= 0, ctx);
            assertEquals(diamondsBefore + giftDiamonds - debited, diamondsAfter, ctx + ": diamonds debited = Σ receipts");
            assertEquals(2 + accepted, economy.journalSize(), ctx + ": journal size = accepted commands");
            for (EconomyException e : rejections) {
                switch (e.code()) {
                    case DAILY_WITHDRAWAL_LIMIT: {
                        // the day's total only grows: a rejected payout exceeds what is left at the end too
                        LocalDate day = (LocalDate) e.value("day");
                        long left = 2000 - paidPerDay.getOrDefault(day, 0L);
                        long payout = ((Money) e.value("payout")).toMinorUnits();
                        assertTrue(payout > left,
                                ctx + ": rejected although " + left + " cents were left on " + day + ": " + e.getMessage());
                        assertTrue(payout > ((Money) e.value("remaining")).toMinorUnits(), ctx + ": " + e.getMessage());
                        break;
                    }
                    case INSUFFICIENT_DIAMONDS: {
                        long requested = ((Diamonds) e.value("requested")).amount();
                        if (variant != 2) { // without gifts landing, the balance only shrinks
                            assertTrue(requested > diamondsAfter, ctx + ": " + e.getMessage());
                        }
                        assertTrue(requested > ((Diamonds) e.value("available")).amount(), ctx + ": " + e.getMessage());
                        break;
                    }
                    default:
                        throw new AssertionError(ctx + ": unexpected rejection " + e.getMessage(), e);
                }
            }
            assertTrue(!rejections.isEmpty(), ctx + ": the limit or the balance stopped some withdrawals");
            // today's remaining allowance agrees with the receipts of today
            LocalDate today = LocalDate.ofInstant(clock.peek(), zone);
            assertEquals(Money.ofMinor("USD", 2000 - paidPerDay.getOrDefault(today, 0L)),
                    economy.remainingWithdrawalToday(creator), ctx + ": remaining on " + today);
            assertTrue(paidPerDay.size() == 2 || variant == 1, ctx + ": withdrawals on both sides of midnight " + paidPerDay);
            assertBooks(economy, ctx);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A receipt or a business rejection. */
    record Outcome(Receipt receipt, EconomyException rejection) {
    }

    private static Outcome attempt(Supplier<Receipt> command) {
        try {
            return new Outcome(command.get(), null);
        } catch (EconomyException e) {
            return new Outcome(null, e);
        }
    }

    private static UserId viewer(int v) {
        return UserId.of("viewer-" + v);
    }

    /**
     * Runs {@code body(0 .. threads-1)} on as many threads, released together by a barrier.
     *
     * @return the results, by thread
     */
    private static <T> List<T> race(int threads, IntFunction<T> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Callable<T> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return body.apply(id);
                };
                futures.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks the books once every thread is done: the trial balance covers the whole journal, every
     * unit sums to zero, and every user account's balance equals the wallet.
     */
    private static TrialBalance assertBooks(CoinEconomy economy, String ctx) {
        TrialBalance tb = economy.trialBalance();
        assertEquals(economy.journalSize(), tb.entries(), ctx + ": trial balance covers the journal");
        Set<Unit> units = new HashSet<>(List.of(Unit.COINS, Unit.DIAMONDS, new Unit("USD")));
        tb.balances().values().forEach(m -> units.addAll(m.keySet()));
        for (Unit unit : units) {
            assertEquals(0, tb.total(unit), ctx + ": conservation in " + unit);
        }
        Map<UserId, long[]> perUser = new HashMap<>();
        tb.balances().forEach((ref, m) -> ref.ownerId().ifPresent(u -> {
            long[] b = perUser.computeIfAbsent(u, k -> new long[2]);
            if (ref.type() == AccountType.USER_COINS) {
                b[0] = m.getOrDefault(Unit.COINS, 0L);
            } else if (ref.type() == AccountType.USER_DIAMONDS) {
                b[1] = m.getOrDefault(Unit.DIAMONDS, 0L);
            }
        }));
        perUser.forEach((u, b) -> {
            Wallet w = economy.wallet(u);
            assertEquals(w.coins().amount(), b[0], ctx + ": coins of " + u + " in the journal");
            assertEquals(w.diamonds().amount(), b[1], ctx + ": diamonds of " + u + " in the journal");
        });
        // every entry in the journal is distinct and in sequence
        List<JournalEntry> all = economy.journal(1, Integer.MAX_VALUE);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1L, all.get(i).sequence(), ctx);
        }
        // withdrawals are pending payouts: their diamonds are in payout, worth USD 0.005 each
        long pending = 0;
        long inPayout = 0;
        for (JournalEntry e : all) {
            if (e.receipt() instanceof WithdrawalReceipt w) {
                pending += w.payout().toMinorUnits();
                inPayout += w.diamondsDebited().amount();
            }
        }
        long diamondsInPayout = 0;
        for (var entry : tb.balances().entrySet()) {
            if (entry.getKey().type() == AccountType.USER_DIAMONDS_IN_PAYOUT) {
                diamondsInPayout += entry.getValue().getOrDefault(Unit.DIAMONDS, 0L);
            }
        }
        assertEquals(inPayout, diamondsInPayout, ctx + ": diamonds in payout");
        assertEquals(inPayout, 2 * pending, String.format(Locale.ROOT, "%s: USD 0.005 per diamond in payout", ctx));
        assertEquals(List.of(), economy.audit(), ctx + ": audit");
        return tb;
    }

    /** A clock that moves 1 ms forward on every read. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis;

        TickingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        /** @return the next instant, without consuming it */
        Instant peek() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }
}
