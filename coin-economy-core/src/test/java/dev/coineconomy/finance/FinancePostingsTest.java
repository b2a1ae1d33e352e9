package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.FinancePostings;
import dev.coineconomy.internal.FinanceReports;
import dev.coineconomy.internal.Lots;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.DiamondValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked examples of {@code docs/finance.md}: every command's postings under the reference finance
 * policy, in cents, each entry balancing per unit, and the report of the whole history.
 */
class FinancePostingsTest {

    static final Currency USD = Money.currency("USD");
    static final Currency GBP = Money.currency("GBP");
    static final Unit U_USD = Unit.of(USD);
    static final Unit U_GBP = Unit.of(GBP);
    static final DiamondValue VALUE = DiamondValue.perDiamond("USD", "0.005");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final UserId DAVE = UserId.of("dave");
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** Balances summed over the history, and the dated entries for the report. */
    static final class Book {
        final Map<AccountRef, Map<Unit, Long>> balances = new HashMap<>();
        final List<FinanceReports.Dated> entries = new ArrayList<>();

        List<Posting> post(List<Posting> postings) {
            Map<Unit, Long> sums = new HashMap<>();
            for (Posting p : postings) {
                sums.merge(p.unit(), p.amount(), Long::sum);
                balances.computeIfAbsent(p.account(), k -> new HashMap<>()).merge(p.unit(), p.amount(), Long::sum);
            }
            sums.forEach((u, s) -> assertEquals(0L, s, () -> "entry does not balance in " + u + ": " + postings));
            entries.add(new FinanceReports.Dated(T0.plusSeconds(entries.size()), postings));
            return postings;
        }

        long platform(AccountType t, Unit u) {
            return balances.getOrDefault(AccountRef.platform(t), Map.of()).getOrDefault(u, 0L);
        }

        long user(AccountType t, UserId user, Unit u) {
            return balances.getOrDefault(AccountRef.user(t, user), Map.of()).getOrDefault(u, 0L);
        }
    }

    static long amount(List<Posting> ps, AccountType t, Unit u) {
        return ps.stream().filter(p -> p.account().type() == t && p.unit().equals(u)).mapToLong(Posting::amount).sum();
    }

    @Test
    void workedHistoryInCents() {
        Book book = new Book();
        FinancePolicy policy = FinancePolicy.REFERENCE;

        // 1. alice buys 70 coins for USD 0.99 in the US app: fee 30, tax 0, net 69
        SaleSplit usd = policy.split(Money.parse("USD 0.99"), Channel.APP, Region.of("US"));
        List<Posting> p1 = book.post(FinancePostings.purchase(ALICE, 70, usd));
        assertEquals(-99, amount(p1, AccountType.GROSS_SALES, U_USD));
        assertEquals(30, amount(p1, AccountType.STORE_FEES, U_USD));
        assertEquals(69, amount(p1, AccountType.DEFERRED_REVENUE, U_USD));
        assertEquals(0, amount(p1, AccountType.TAX_PAYABLE, U_USD));
        assertEquals(-70, amount(p1, AccountType.COIN_ISSUANCE, Unit.COINS));
        Lot aliceUsd = Lot.purchased(RequestId.of("p1"), 70, usd);

        // 2. bob buys 70 coins for GBP 0.99 in the GB app: tax 16, fee 25, net 58
        SaleSplit gbp = policy.split(Money.parse("GBP 0.99"), Channel.APP, Region.of("GB"));
        List<Posting> p2 = book.post(FinancePostings.purchase(BOB, 70, gbp));
        assertEquals(List.of(-99L, 25L, 16L, 58L), List.of(amount(p2, AccountType.GROSS_SALES, U_GBP),
                amount(p2, AccountType.STORE_FEES, U_GBP), amount(p2, AccountType.TAX_PAYABLE, U_GBP),
                amount(p2, AccountType.DEFERRED_REVENUE, U_GBP)));
        Lot bobGbp = Lot.purchased(RequestId.of("p2"), 70, gbp);

        // 3. alice is granted 10 promotional coins
        List<Posting> p3 = book.post(FinancePostings.grant(ALICE, 10));
        assertEquals(-10, amount(p3, AccountType.PROMOTIONAL_COINS, Unit.COINS));
        Lot alicePromo = Lot.promotional(RequestId.of("g1"), 10);

        // 4. alice gifts carol 75 coins: 70 from the USD lot (recognizes 69), 5 promotional; 75 diamonds
        //    worth floor(75 x 0.5) = 37 cents: promotion floor(37 x 5/75) = 2, creator cost 35
        Lots.Consumption c4 = Lots.consume(List.of(aliceUsd, alicePromo), 75);
        long payable4 = FinancePostings.payableDelta(VALUE, 0, 75);
        assertEquals(37, payable4);
        List<Posting> p4 = book.post(FinancePostings.gift(new FinancePostings.Gift(ALICE, CAROL, 75,
                c4.recognizedByCurrency(), c4.promotionalCoins(), 75, false, payable4, USD)));
        assertEquals(-69, amount(p4, AccountType.DEFERRED_REVENUE, U_USD));
        assertEquals(69, amount(p4, AccountType.RECOGNIZED_REVENUE, U_USD));
        assertEquals(-2, amount(p4, AccountType.PROMOTION_EXPENSE, U_USD));
        assertEquals(-35, amount(p4, AccountType.CREATOR_COST, U_USD));
        assertEquals(37, amount(p4, AccountType.CREATOR_PAYABLE, U_USD));
        assertEquals(75, amount(p4, AccountType.USER_DIAMONDS, Unit.DIAMONDS));

        // 5. carol withdraws 74 diamonds (USD 0.37): pending, then settled; 1 diamond (half a cent) stays
        book.post(FinancePostings.withdraw(CAROL, 74));
        assertEquals(74, book.user(AccountType.USER_DIAMONDS_IN_PAYOUT, CAROL, Unit.DIAMONDS));
        assertEquals(37, book.platform(AccountType.CREATOR_PAYABLE, U_USD)); // still owed while pending
        List<Posting> p5 = book.post(FinancePostings.settle(CAROL, 74, Money.parse("USD 0.37")));
        assertEquals(37, amount(p5, AccountType.PAYOUTS_PAID, U_USD));
        assertEquals(37, FinancePostings.payableDelta(VALUE, 0, 74)); // removed counter 0 -> 74
        assertEquals(0, book.platform(AccountType.CREATOR_PAYABLE, U_USD)); // floor(1 x 0.5) = 0
        assertEquals(1, book.user(AccountType.USER_DIAMONDS, CAROL, Unit.DIAMONDS));

        // a failed payout returns the diamonds and moves no money
        List<Posting> fail = FinancePostings.fail(CAROL, 4);
        assertEquals(4, amount(fail, AccountType.USER_DIAMONDS, Unit.DIAMONDS));
        assertTrue(fail.stream().noneMatch(p -> p.unit().isMoney()));

        // 6. bob refunds his unused purchase within the window: everything is returned, exactly
        RefundDecision r = policy.refunds().decide(bobGbp, T0, T0.plusSeconds(3600));
        List<Posting> p6 = book.post(FinancePostings.refund(BOB, r));
        assertEquals(List.of(99L, -25L, -16L, -58L), List.of(amount(p6, AccountType.SALES_REFUNDS, U_GBP),
                amount(p6, AccountType.STORE_FEES, U_GBP), amount(p6, AccountType.TAX_PAYABLE, U_GBP),
                amount(p6, AccountType.DEFERRED_REVENUE, U_GBP)));
        assertEquals(0, book.user(AccountType.USER_COINS, BOB, Unit.COINS));

        // 7. dave buys 70 (USD 0.99), gifts carol 50 (recognizes floor(69 x 50/70) = 49; carol earned 75 -> 125:
        //    payable floor(62.5) - 37 = 25), then the purchase is charged back: negative balance -50
        Lot dave = Lot.purchased(RequestId.of("p7"), 70, usd);
        book.post(FinancePostings.purchase(DAVE, 70, usd));
        Lots.Consumption c7 = Lots.consume(List.of(dave), 50);
        assertEquals(Map.of(USD, 49L), c7.recognizedByCurrency());
        long payable7 = FinancePostings.payableDelta(VALUE, 75, 50);
        assertEquals(25, payable7);
        book.post(FinancePostings.gift(new FinancePostings.Gift(DAVE, CAROL, 50, c7.recognizedByCurrency(), 0, 50,
                false, payable7, USD)));
        ChargebackDecision cb = policy.chargebacks().decide(c7.lots().get(0), List.of());
        List<Posting> p7 = book.post(FinancePostings.chargeback(DAVE, cb));
        assertEquals(List.of(99L, -30L, -20L, -49L), List.of(amount(p7, AccountType.CHARGEBACKS, U_USD),
                amount(p7, AccountType.STORE_FEES, U_USD), amount(p7, AccountType.DEFERRED_REVENUE, U_USD),
                amount(p7, AccountType.CHARGEBACK_LOSSES, U_USD)));
        assertEquals(-50, book.user(AccountType.USER_COINS, DAVE, Unit.COINS));
        assertEquals(50, cb.debtCoins());

        // 8. dave buys 70 again: the first 50 coins repay the debt, recovering floor(69 x 50/70) = 49 cents
        Lot dave2 = Lot.purchased(RequestId.of("p8"), 70, usd);
        Lots.Consumption repay = Lots.consume(List.of(dave2), cb.debtCoins());
        List<Posting> p8 = new ArrayList<>(FinancePostings.purchase(DAVE, 70, usd));
        p8.addAll(FinancePostings.debtRecovery(repay.recognizedByCurrency()));
        book.post(p8);
        assertEquals(20, book.user(AccountType.USER_COINS, DAVE, Unit.COINS));
        assertEquals(0, book.platform(AccountType.CHARGEBACK_LOSSES, U_USD));
        // deferred revenue = the unspent lots' values: dave2's 20 coins = 69 - 49 = 20 cents
        assertEquals(Lots.deferred(repay.lots()).get(USD), book.platform(AccountType.DEFERRED_REVENUE, U_USD));
        // creator payable = floor(earned x v) - floor(removed x v) = floor(125 x 0.5) - floor(74 x 0.5) = 62 - 37
        assertEquals(25, book.platform(AccountType.CREATOR_PAYABLE, U_USD));
        assertEquals(51, book.user(AccountType.USER_DIAMONDS, CAROL, Unit.DIAMONDS));

        // conservation per unit
        assertEquals(-book.platform(AccountType.COIN_ISSUANCE, Unit.COINS) - book.platform(AccountType.PROMOTIONAL_COINS, Unit.COINS),
                book.user(AccountType.USER_COINS, ALICE, Unit.COINS) + book.user(AccountType.USER_COINS, BOB, Unit.COINS)
                        + book.user(AccountType.USER_COINS, DAVE, Unit.COINS) + book.platform(AccountType.COINS_SPENT, Unit.COINS)
                        + book.platform(AccountType.COINS_REFUNDED, Unit.COINS) + book.platform(AccountType.COINS_CHARGED_BACK, Unit.COINS));

        // the report of the whole history
        List<FinanceReport> reports = FinanceReports.of(book.entries, T0, T0.plusSeconds(1000));
        assertEquals(List.of("GBP", "USD"), reports.stream().map(x -> x.currency().getCurrencyCode()).toList());
        FinanceReport g = reports.get(0);
        assertEquals(Money.parse("GBP 0.99"), g.grossSales());
        assertEquals(Money.parse("GBP 0.99"), g.refunds());
        assertEquals(Money.parse("GBP 0.00"), g.netSales());
        FinanceReport u = reports.get(1);
        assertEquals(Money.parse("USD 2.97"), u.grossSales());
        assertEquals(Money.parse("USD 0.60"), u.storeFees());          // 3 x 30 - 30 returned
        assertEquals(Money.parse("USD 0.99"), u.chargebacks());
        assertEquals(Money.parse("USD 1.38"), u.netSales());           // 297 - 99 - 60
        assertEquals(Money.parse("USD 1.18"), u.recognizedRevenue());  // 69 + 49
        assertEquals(Money.parse("USD 0.60"), u.creatorCost());        // 35 + 25
        assertEquals(Money.parse("USD 0.02"), u.promotionExpense());
        assertEquals(Money.parse("USD 0.00"), u.chargebackLosses());   // 49 lost, 49 recovered
        assertEquals(Money.parse("USD 0.56"), u.margin());             // 118 - 60 - 2 - 0
        assertEquals(Money.parse("USD 0.20"), u.deferredEnd());
        assertEquals(Money.parse("USD 0.25"), u.creatorPayableEnd());
        assertEquals(Money.parse("USD 0.37"), u.payoutsPaid());
        // 138 = 20 deferred + 56 margin + 25 payable + 37 paid
        assertEquals(List.of(), u.violations());
        assertEquals(List.of(), g.violations());
    }

    @Test
    void clawbackChargebackRecoversWhatTheCreatorStillHolds() {
        Book book = new Book();
        SaleSplit usd = FinancePolicy.REFERENCE.split(Money.parse("USD 0.99"), Channel.APP, Region.of("US"));
        Lot lot = Lot.purchased(RequestId.of("p"), 70, usd);
        book.post(FinancePostings.purchase(DAVE, 70, usd));
        Lots.Consumption c = Lots.consume(List.of(lot), 50);
        book.post(FinancePostings.gift(new FinancePostings.Gift(DAVE, CAROL, 50, c.recognizedByCurrency(), 0, 50,
                false, FinancePostings.payableDelta(VALUE, 0, 50), USD)));
        assertEquals(25, book.platform(AccountType.CREATOR_PAYABLE, U_USD));
        ChargebackDecision d = new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK).decide(c.lots().get(0), List.of());
        List<Posting> entry = new ArrayList<>(FinancePostings.chargeback(DAVE, d));
        // carol holds 50 available; she is owed-back 50; claw 40 from available and 10 from held (say)
        long payable = FinancePostings.payableDelta(VALUE, 0, 50); // carol's removed counter 0 -> 50
        entry.addAll(FinancePostings.clawback(CAROL, 50, 0, payable, USD));
        book.post(entry);
        assertEquals(0, book.user(AccountType.USER_COINS, DAVE, Unit.COINS));
        assertEquals(0, book.user(AccountType.USER_DIAMONDS, CAROL, Unit.DIAMONDS));
        assertEquals(50, book.platform(AccountType.DIAMONDS_CLAWED_BACK, Unit.DIAMONDS));
        assertEquals(0, book.platform(AccountType.CREATOR_PAYABLE, U_USD));
        assertEquals(0, book.platform(AccountType.DEFERRED_REVENUE, U_USD));
        // loss: 49 recognized lost, 25 recovered by the clawback -> 24
        assertEquals(-24, book.platform(AccountType.CHARGEBACK_LOSSES, U_USD));
        FinanceReport r = FinanceReports.of(book.entries, T0, T0.plusSeconds(10)).get(0);
        assertEquals(Money.parse("USD 0.24"), r.chargebackLosses());
        assertEquals(Money.parse("USD 0.00"), r.netSales());
        assertEquals(List.of(), r.violations());
    }

    @Test
    void heldDiamondsAreReleasedToAvailable() {
        Book book = new Book();
        book.post(FinancePostings.grant(ALICE, 3));
        List<Posting> g = book.post(FinancePostings.gift(new FinancePostings.Gift(ALICE, CAROL, 3, Map.of(), 3, 3,
                true, FinancePostings.payableDelta(VALUE, 0, 3), USD)));
        assertEquals(3, amount(g, AccountType.USER_DIAMONDS_HELD, Unit.DIAMONDS));
        assertEquals(-1, amount(g, AccountType.PROMOTION_EXPENSE, U_USD)); // floor(1.5) = 1, all promotional
        assertEquals(0, amount(g, AccountType.CREATOR_COST, U_USD));
        book.post(FinancePostings.release(CAROL, 3));
        assertEquals(3, book.user(AccountType.USER_DIAMONDS, CAROL, Unit.DIAMONDS));
        assertEquals(0, book.user(AccountType.USER_DIAMONDS_HELD, CAROL, Unit.DIAMONDS));
    }

    @Test
    void valuationHelpersAreExactAndCheckTheirArguments() {
        // 1 diamond at a time: 0, 1, 0, 1, ... cents; the total is floor(n / 2)
        long total = 0;
        for (int i = 0; i < 101; i++) {
            total += FinancePostings.payableDelta(VALUE, i, 1);
        }
        assertEquals(50, total);
        assertEquals(2, FinancePostings.promotionShare(37, 5, 75));
        assertEquals(37, FinancePostings.promotionShare(37, 75, 75));
        assertEquals(0, FinancePostings.promotionShare(37, 0, 75));
        assertThrows(IllegalArgumentException.class, () -> FinancePostings.payableDelta(VALUE, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> FinancePostings.promotionShare(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> FinancePostings.withdraw(CAROL, -1));
        assertTrue(FinancePostings.withdraw(CAROL, 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FinanceReports.of(List.of(), T0, T0.minusSeconds(1)));
    }
}
