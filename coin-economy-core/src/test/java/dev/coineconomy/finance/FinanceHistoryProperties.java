package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.FinancePostings;
import dev.coineconomy.internal.FinanceReports;
import dev.coineconomy.internal.Lots;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.DiamondValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random histories of purchases (several currencies, channels and regions), grants, gifts, refunds
 * (both modes), chargebacks (both modes), withdrawals and their settlement or failure, driven through
 * the pure finance pieces: every entry balances per unit; deferred revenue equals the lots' remaining
 * net; creator payable equals Σ floor(earned·v) − floor(removed·v); user coins equal lot coins minus
 * debt; and the report identities hold for random periods.
 */
class FinanceHistoryProperties {

    private static final DiamondValue VALUE = DiamondValue.perDiamond("USD", "0.005");
    private static final Unit USD = Unit.of(Money.currency("USD"));
    private static final List<String> PRICES = List.of("USD 0.99", "USD 139.99", "USD 0.74", "GBP 0.99", "GBP 1.05",
            "JPY 120", "BHD 0.990", "EUR 4.99");
    private static final List<Region> REGIONS = List.of(Region.of("US"), Region.of("GB"), Region.of("DE"), Region.of("JP"));
    private static final FinancePolicy POLICY = FinancePolicy.REFERENCE
            .withTaxes(TaxPolicy.REFERENCE.withRule(Region.of("DE"), TaxRule.included(dev.coineconomy.money.Ratio.of(19, 100))));

    private static final class User {
        final UserId id;
        final List<Lot> lots = new ArrayList<>();
        final Map<RequestId, Instant> bought = new HashMap<>();
        long debt;
        long earned;
        long removed;
        long inPayout;

        User(String id) {
            this.id = UserId.of(id);
        }
    }

    /** How often each kind of event happened over the runs, so the test shows it exercised them. */
    private static final Map<String, Integer> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static void seen(String event) {
        SEEN.merge(event, 1, Integer::sum);
    }

    @Test
    void randomHistoriesKeepEveryInvariantAndIdentity() {
        SEEN.clear();
        qt().withFixedSeed(0xF1_4A_2026L).withExamples(150).forAll(longs().all(), integers().between(0, 3))
                .checkAssert((seed, modes) -> run(new Random(seed), (modes & 1) != 0, (modes & 2) != 0));
        for (String event : List.of("purchase", "grant", "gift", "refund", "refundRejected", "chargebackNegative",
                "chargebackClawback", "clawback", "debtRepaid", "withdraw", "settle", "fail")) {
            assertTrue(SEEN.getOrDefault(event, 0) >= 5, () -> event + " happened too rarely: " + SEEN);
        }
    }

    private static void run(Random rnd, boolean clawback, boolean proRata) {
        ChargebackPolicy cbPolicy = new ChargebackPolicy(clawback ? ChargebackPolicy.Mode.CLAWBACK : ChargebackPolicy.Mode.NEGATIVE_BALANCE);
        RefundPolicy refunds = RefundPolicy.REFERENCE.withMode(proRata ? RefundPolicy.Mode.PRO_RATA_UNUSED : RefundPolicy.Mode.UNUSED_ONLY);
        FinancePostingsTest.Book book = new FinancePostingsTest.Book();
        List<User> users = List.of(new User("u0"), new User("u1"), new User("u2"), new User("u3"));
        Map<RequestId, User> lotOwner = new HashMap<>();
        Map<RequestId, Boolean> reversed = new HashMap<>();
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        int seq = 0;
        for (int step = 0; step < 120; step++) {
            now = now.plus(Duration.ofHours(rnd.nextInt(96)));
            User u = users.get(rnd.nextInt(users.size()));
            RequestId id = RequestId.of("r" + seq++);
            int kind = rnd.nextInt(10);
            if (kind <= 2) { // purchase
                long coins = 1 + rnd.nextInt(2000);
                SaleSplit s = POLICY.split(Money.parse(PRICES.get(rnd.nextInt(PRICES.size()))),
                        rnd.nextBoolean() ? Channel.APP : Channel.WEB, REGIONS.get(rnd.nextInt(REGIONS.size())));
                Lot lot = Lot.purchased(id, coins, s);
                List<Posting> entry = new ArrayList<>(FinancePostings.purchase(u.id, coins, s));
                List<Lot> mine = new ArrayList<>(u.lots);
                mine.add(lot);
                if (u.debt > 0) {
                    Lots.Consumption repay = Lots.consume(mine, Math.min(u.debt, Lots.remaining(mine)));
                    entry.addAll(FinancePostings.debtRecovery(repay.recognizedByCurrency()));
                    u.debt -= repay.coins();
                    mine = new ArrayList<>(repay.lots());
                    seen("debtRepaid");
                }
                u.lots.clear();
                u.lots.addAll(mine);
                u.bought.put(id, now);
                seen("purchase");
                lotOwner.put(id, u);
                book.post(entry);
            } else if (kind == 3) { // grant
                long coins = 1 + rnd.nextInt(300);
                book.post(FinancePostings.grant(u.id, coins));
                seen("grant");
                if (u.debt > 0) { // promotional coins repay debt too (FIFO), recovering nothing
                    List<Lot> mine = new ArrayList<>(u.lots);
                    mine.add(Lot.promotional(id, coins));
                    Lots.Consumption repay = Lots.consume(mine, Math.min(u.debt, Lots.remaining(mine)));
                    u.debt -= repay.coins();
                    u.lots.clear();
                    u.lots.addAll(repay.lots());
                } else {
                    u.lots.add(Lot.promotional(id, coins));
                }
            } else if (kind <= 5) { // gift
                long have = Lots.remaining(u.lots);
                User creator = users.get(rnd.nextInt(users.size()));
                if (have == 0 || u.debt > 0 || creator == u) {
                    continue;
                }
                long coins = 1 + Math.floorMod(rnd.nextLong(), have);
                Lots.Consumption c = Lots.consume(u.lots, coins);
                long payable = FinancePostings.payableDelta(VALUE, creator.earned, coins);
                book.post(FinancePostings.gift(new FinancePostings.Gift(u.id, creator.id, coins,
                        c.recognizedByCurrency(), c.promotionalCoins(), coins, false, payable, USD.currency().orElseThrow())));
                creator.earned += coins;
                seen("gift");
                u.lots.clear();
                u.lots.addAll(c.lots());
            } else if (kind == 6) { // refund
                Lot lot = pickPurchased(rnd, u, reversed);
                if (lot == null) {
                    continue;
                }
                try {
                    RefundDecision d = refunds.decide(lot, u.bought.get(lot.id()), now);
                    book.post(FinancePostings.refund(u.id, d));
                    replace(u, d.lotAfter());
                    reversed.put(lot.id(), true);
                    seen("refund");
                } catch (EconomyException e) {
                    assertTrue(e.code() == dev.coineconomy.RejectionCode.REFUND_WINDOW_CLOSED
                            || e.code() == dev.coineconomy.RejectionCode.COINS_ALREADY_USED, e::getMessage);
                    seen("refundRejected");
                }
            } else if (kind == 7) { // chargeback
                Lot lot = pickPurchased(rnd, u, reversed);
                if (lot == null) {
                    continue;
                }
                List<Lot> others = new ArrayList<>(u.lots);
                others.removeIf(l -> l.id().equals(lot.id()));
                ChargebackDecision d = cbPolicy.decide(lot, others);
                List<Posting> entry = new ArrayList<>(FinancePostings.chargeback(u.id, d));
                if (clawback && d.coinsSpent() > 0) {
                    // claw the spent coins' diamonds back from the richest creator still holding some
                    User creator = users.stream().filter(x -> available(book, x) > 0)
                            .max((a, b) -> Long.compare(available(book, a), available(book, b))).orElse(null);
                    if (creator != null) {
                        long claw = ChargebackPolicy.clawBack(List.of(new ChargebackPolicy.Claim(creator.id,
                                d.coinsSpent(), available(book, creator)))).get(0).clawedBack();
                        long payable = FinancePostings.payableDelta(VALUE, creator.removed, claw);
                        entry.addAll(FinancePostings.clawback(creator.id, claw, 0, payable, USD.currency().orElseThrow()));
                        creator.removed += claw;
                        seen("clawback");
                    }
                }
                book.post(entry);
                u.lots.clear();
                u.lots.addAll(d.otherLotsAfter());
                u.lots.add(d.lotAfter());
                u.debt += d.debtCoins();
                seen(clawback ? "chargebackClawback" : "chargebackNegative");
                reversed.put(lot.id(), true);
            } else if (kind == 8) { // withdraw, then settle or fail at once or later
                long avail = available(book, u);
                long w = avail - avail % VALUE.diamondStep();
                if (w == 0 || u.inPayout > 0) {
                    continue;
                }
                book.post(FinancePostings.withdraw(u.id, w));
                u.inPayout = w;
                seen("withdraw");
            } else if (u.inPayout > 0) { // settle or fail the pending payout
                if (rnd.nextBoolean()) {
                    long payable = FinancePostings.payableDelta(VALUE, u.removed, u.inPayout);
                    assertEquals(VALUE.floorMinorUnits(u.inPayout), payable);
                    book.post(FinancePostings.settle(u.id, u.inPayout, VALUE.floorValue(u.inPayout)));
                    u.removed += u.inPayout;
                    seen("settle");
                } else {
                    book.post(FinancePostings.fail(u.id, u.inPayout));
                    seen("fail");
                }
                u.inPayout = 0;
            }
            checkInvariants(book, users, clawback);
        }
        // report identities over random periods
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            Instant a = start.plus(Duration.ofHours(rnd.nextInt(5000)));
            Instant b = a.plus(Duration.ofHours(rnd.nextInt(5000)));
            for (FinanceReport r : FinanceReports.of(book.entries, a, b)) {
                assertEquals(List.of(), r.violations(), r::toString);
            }
        }
        for (FinanceReport r : FinanceReports.of(book.entries, start, Instant.MAX)) {
            assertEquals(List.of(), r.violations(), r::toString);
            assertEquals(0, r.deferredStart().toMinorUnits());
        }
    }

    private static long available(FinancePostingsTest.Book book, User u) {
        return book.user(AccountType.USER_DIAMONDS, u.id, Unit.DIAMONDS);
    }

    private static Lot pickPurchased(Random rnd, User u, Map<RequestId, Boolean> reversed) {
        List<Lot> candidates = u.lots.stream().filter(l -> !l.isPromotional() && !reversed.containsKey(l.id())).toList();
        return candidates.isEmpty() ? null : candidates.get(rnd.nextInt(candidates.size()));
    }

    private static void replace(User u, Lot after) {
        for (int i = 0; i < u.lots.size(); i++) {
            if (u.lots.get(i).id().equals(after.id())) {
                u.lots.set(i, after);
            }
        }
    }

    private static void checkInvariants(FinancePostingsTest.Book book, List<User> users, boolean clawback) {
        Map<Currency, Long> deferred = new HashMap<>();
        long payable = 0;
        for (User u : users) {
            Lots.deferred(u.lots).forEach((c, v) -> deferred.merge(c, v, Long::sum));
            payable += VALUE.floorMinorUnits(u.earned) - VALUE.floorMinorUnits(u.removed);
            long coins = book.user(AccountType.USER_COINS, u.id, Unit.COINS);
            assertEquals(Lots.remaining(u.lots) - u.debt, coins, () -> u.id + " coins");
            if (clawback) {
                assertTrue(coins >= 0);
            }
            assertTrue(book.user(AccountType.USER_DIAMONDS, u.id, Unit.DIAMONDS) >= 0);
            assertEquals(u.inPayout, book.user(AccountType.USER_DIAMONDS_IN_PAYOUT, u.id, Unit.DIAMONDS));
        }
        for (String code : List.of("USD", "GBP", "JPY", "BHD", "EUR")) {
            Currency c = Money.currency(code);
            assertEquals((long) deferred.getOrDefault(c, 0L), book.platform(AccountType.DEFERRED_REVENUE, Unit.of(c)),
                    () -> "deferred revenue in " + code);
            assertTrue(book.platform(AccountType.TAX_PAYABLE, Unit.of(c)) >= 0);
            assertTrue(book.platform(AccountType.STORE_FEES, Unit.of(c)) >= 0);
        }
        assertEquals(payable, book.platform(AccountType.CREATOR_PAYABLE, USD));
    }
}
