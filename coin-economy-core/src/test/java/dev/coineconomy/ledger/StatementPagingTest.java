package dev.coineconomy.ledger;

import dev.coineconomy.Channel;
import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.Wallet;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statement pages carry the change and running balance of every user account (coins, diamonds
 * available, held and in payout) and chain by cursor, or by its token, without rescanning.
 */
class StatementPagingTest {

    private static final UserId ANA = UserId.of("ana");
    private static final UserId BO = UserId.of("bo");
    private static final UserId CY = UserId.of("cy");

    private static CoinEconomy history() {
        CoinEconomy e = CoinEconomy.builder().build();
        e.purchase(RequestId.of("p1"), ANA, "coins-330", Region.of("US")); // ana +330
        e.purchase(RequestId.of("p2"), BO, "coins-65", Region.of("US"));   // bo only
        e.sendGift(RequestId.of("g1"), ANA, CY, "rose", 30);               // ana -30, cy +30 d
        e.sendGift(RequestId.of("g2"), ANA, BO, "hand-hearts", 1);         // ana -100, bo +100 d
        e.sendGift(RequestId.of("g3"), BO, ANA, "rose", 7);                // bo -7, ana +7 d
        e.purchase(RequestId.of("p3"), ANA, "coins-65", Region.of("US"));  // ana +65
        return e;
    }

    @Test
    void firstPageRunsFromZeroAndLinksToTheNext() {
        CoinEconomy e = history();
        StatementPage p1 = e.statement(StatementCursor.start(ANA), 2);
        assertEquals(2, p1.lines().size());
        assertTrue(p1.more());
        StatementLine l1 = p1.lines().get(0);
        assertEquals(RequestId.of("p1"), l1.entry().requestId());
        assertEquals(330, l1.coinChange());
        assertEquals(330, l1.coinBalance());
        assertEquals(0, l1.diamondBalance());
        StatementLine l2 = p1.lines().get(1);
        assertEquals(RequestId.of("g1"), l2.entry().requestId());
        assertEquals(-30, l2.coinChange());
        assertEquals(300, l2.coinBalance());
        assertEquals(new StatementCursor(ANA, 3, 300, 0), p1.next());

        StatementPage p2 = e.statement(p1.next(), 2);
        assertEquals(List.of("g2", "g3"), ids(p2));
        assertEquals(200, p2.lines().get(0).coinBalance());
        assertEquals(7, p2.lines().get(1).diamondChange());
        assertEquals(7, p2.lines().get(1).diamondBalance());
        assertTrue(p2.more());

        StatementPage p3 = e.statement(p2.next(), 2);
        assertEquals(List.of("p3"), ids(p3));
        assertFalse(p3.more());
        assertEquals(265, p3.lines().get(0).coinBalance());
        assertEquals(e.wallet(ANA).coins().amount(), p3.next().coinBalance());
        assertEquals(e.wallet(ANA).diamonds().amount(), p3.next().diamondBalance());
    }

    @Test
    void anEmptyPageKeepsTheCursorSoAHostCanTailTheStatement() {
        CoinEconomy e = history();
        StatementCursor end = e.statement(StatementCursor.start(ANA), 100).next();
        StatementPage none = e.statement(end, 5);
        assertTrue(none.lines().isEmpty());
        assertFalse(none.more());
        assertEquals(end, none.next());
        e.sendGift(RequestId.of("g4"), ANA, CY, "rose", 1);
        StatementPage tail = e.statement(end, 5);
        assertEquals(List.of("g4"), ids(tail));
        assertEquals(end.coinBalance() - 1, tail.lines().get(0).coinBalance());
    }

    @Test
    void everyPageSizeGivesTheSameLinesAndBalancesAsOneBigPage() {
        CoinEconomy e = history();
        for (UserId u : List.of(ANA, BO, CY)) {
            List<StatementLine> whole = e.statement(StatementCursor.start(u), 1_000).lines();
            assertEquals(e.statement(u).size(), whole.size(), u.toString());
            for (int size = 1; size <= whole.size() + 1; size++) {
                List<StatementLine> paged = new ArrayList<>();
                StatementCursor c = StatementCursor.start(u);
                StatementPage p;
                do {
                    p = e.statement(c, size);
                    paged.addAll(p.lines());
                    c = p.next();
                } while (p.more());
                assertEquals(whole, paged, u + " page size " + size);
            }
            StatementLine last = whole.get(whole.size() - 1);
            assertEquals(e.wallet(u).coins().amount(), last.coinBalance(), u.toString());
            assertEquals(e.wallet(u).diamonds().amount(), last.diamondBalance(), u.toString());
        }
    }

    @Test
    void aGiftReceivedShowsOnTheCreatorsStatement() {
        CoinEconomy e = history();
        List<StatementLine> cy = e.statement(StatementCursor.start(CY), 10).lines();
        assertEquals(1, cy.size());
        assertTrue(cy.get(0).entry().receipt() instanceof GiftReceipt);
        assertEquals(0, cy.get(0).coinChange());
        assertEquals(30, cy.get(0).diamondBalance());
    }

    private static List<String> ids(StatementPage page) {
        List<String> ids = new ArrayList<>();
        page.lines().forEach(l -> ids.add(l.entry().requestId().value()));
        return ids;
    }

    @Test
    void tokensRoundTripAndBadOnesAreRejectedByName() {
        StatementCursor c = new StatementCursor(ANA, 12, new Balances(-5, 300, 7, 40));
        assertEquals("12.-5.300.7.40", c.token());
        assertEquals(c, StatementCursor.parse(ANA, c.token()));
        // the three-part token of earlier versions still reads, held and in payout taken as 0
        assertEquals(new StatementCursor(ANA, 12, new Balances(-5, 300, 0, 0)), StatementCursor.parse(ANA, "12.-5.300"));
        assertEquals(new StatementCursor(ANA, 12, -5, 300), StatementCursor.parse(ANA, "12.-5.300"));
        for (String bad : new String[] {"", "1.2", "1.2.3.4", "1.2.3.4.5.6", "a.1.2", "1..2", "1.2.3..5", "١.2.3",
                "1.2.3.4.x", "1.2.3.4.99999999999999999999"}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> StatementCursor.parse(ANA, bad), bad);
            assertTrue(ex.getMessage().contains("'" + bad + "'"), ex.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new StatementCursor(ANA, -1, 0, 0));
        assertThrows(NullPointerException.class, () -> new StatementCursor(ANA, 0, null));
        assertThrows(NullPointerException.class, () -> StatementCursor.parse(ANA, null));
        assertThrows(IllegalArgumentException.class, () -> history().statement(StatementCursor.start(ANA), 0));
    }

    // ---- every user account: withdrawals, payouts, holds, chargebacks (issue 3) --------------------

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId CAROL = UserId.of("carol");
    private static final UserId DAVE = UserId.of("dave");
    private static final Region US = Region.of("US");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static CoinEconomy finance(HoldPolicy hold, Clock clock) {
        Catalog catalog = Catalog.builder().version("statement-1")
                .pack(CoinPack.builder("coins-70", 70).price(US, Channel.APP, Money.of("USD", "0.99")).build())
                .gift("g-50", "Fifty", 50)
                .build();
        EconomyPolicy base = EconomyPolicy.reference().withMinimumWithdrawal(Money.of("USD", "0.01"));
        EconomyPolicy policy = base.withFinance(base.finance().withHold(hold));
        return CoinEconomy.builder().catalog(catalog).policy(policy).clock(clock).build();
    }

    private static RequestId id(String s) {
        return RequestId.of(s);
    }

    /**
     * Reads the user's whole statement two lines a page, each next page from the previous page's token
     * (so the balances round-trip through the token), checks it equals one big page and that the last
     * line's balances are the user's state: wallet coins (negative when owed), available diamonds, the
     * held account and the diamonds of the user's pending payouts.
     *
     * @return the lines
     */
    private static List<StatementLine> checkedStatement(CoinEconomy e, UserId u, List<String> withdrawals) {
        List<StatementLine> paged = new ArrayList<>();
        String token = StatementCursor.start(u).token();
        StatementPage p;
        do {
            p = e.statement(StatementCursor.parse(u, token), 2);
            paged.addAll(p.lines());
            token = p.next().token();
        } while (p.more());
        StatementPage whole = e.statement(StatementCursor.start(u), 1_000);
        assertEquals(whole.lines(), paged, "paged by token vs one page, " + u);
        assertEquals(whole.next(), StatementCursor.parse(u, token), "final cursor, " + u);

        Balances running = Balances.ZERO;
        for (StatementLine l : paged) {
            assertEquals(Balances.changeOf(l.entry(), u), l.change(), l.entry().requestId().value());
            running = running.plus(l.change());
            assertEquals(running, l.balance(), l.entry().requestId().value());
        }
        Wallet w = e.wallet(u);
        long pending = 0;
        for (String wid : withdrawals) {
            Payout payout = e.payout(id(wid)).orElseThrow();
            if (payout.creator().equals(u) && payout.state() == PayoutState.PENDING) {
                pending += payout.diamonds().amount();
            }
        }
        TrialBalance tb = e.trialBalance();
        Balances expected = new Balances(w.coins().amount() - w.coinsOwed().amount(), w.diamonds().amount(),
                tb.balance(AccountRef.user(AccountType.USER_DIAMONDS_HELD, u), Unit.DIAMONDS), pending);
        assertEquals(expected, whole.next().balances(), "cursor balances vs state, " + u);
        for (AccountType t : Balances.TYPES) {
            assertEquals(tb.balance(AccountRef.user(t, u), Balances.unitOf(t)), whole.next().balances().get(t),
                    t + " vs trial balance, " + u);
        }
        if (!paged.isEmpty()) {
            assertEquals(expected, paged.get(paged.size() - 1).balance(), "last line vs state, " + u);
        }
        return paged;
    }

    private static StatementLine last(List<StatementLine> lines) {
        return lines.get(lines.size() - 1);
    }

    @Test
    void aWithdrawalMovesDiamondsToInPayoutSettleRemovesThemAndFailReturnsThem() {
        CoinEconomy e = finance(HoldPolicy.REFERENCE, new HandClock());
        List<String> ws = List.of("w1", "w2");
        e.purchase(id("p"), ALICE, "coins-70", US);
        e.sendGift(id("g"), ALICE, CAROL, "g-50", 1);
        assertEquals(new Balances(0, 50, 0, 0), last(checkedStatement(e, CAROL, List.of())).balance());

        assertTrue(e.withdraw(id("w1"), CAROL, Diamonds.of(40)) instanceof WithdrawalReceipt);
        StatementLine w1 = last(checkedStatement(e, CAROL, List.of("w1")));
        assertEquals(new Balances(0, -40, 0, 40), w1.change());
        assertEquals(new Balances(0, 10, 0, 40), w1.balance());
        assertEquals(-40, w1.diamondChange());
        assertEquals(10, w1.diamondBalance());

        assertTrue(e.settleWithdrawal(id("s1"), id("w1")) instanceof PayoutSettledReceipt);
        StatementLine s1 = last(checkedStatement(e, CAROL, List.of("w1")));
        assertEquals(new Balances(0, 0, 0, -40), s1.change());
        assertEquals(new Balances(0, 10, 0, 0), s1.balance());
        assertEquals(0, s1.diamondChange());

        e.withdraw(id("w2"), CAROL, Diamonds.of(10));
        assertEquals(new Balances(0, 0, 0, 10), last(checkedStatement(e, CAROL, ws)).balance());
        assertTrue(e.failWithdrawal(id("f2"), id("w2"), "bank account closed") instanceof PayoutFailedReceipt);
        List<StatementLine> carol = checkedStatement(e, CAROL, ws);
        assertEquals(List.of("g", "w1", "s1", "w2", "f2"),
                carol.stream().map(l -> l.entry().requestId().value()).toList());
        assertEquals(new Balances(0, 10, 0, -10), last(carol).change());
        assertEquals(new Balances(0, 10, 0, 0), last(carol).balance());
        // the payout commands are on the creator's statement only: alice's ends at her gift
        assertEquals(new Balances(20, 0, 0, 0), last(checkedStatement(e, ALICE, ws)).balance());
    }

    @Test
    void heldDiamondsRunInTheirOwnAccountUntilReleased() {
        HandClock clock = new HandClock();
        CoinEconomy e = finance(new HoldPolicy(Duration.ofDays(1)), clock);
        e.purchase(id("p"), ALICE, "coins-70", US);
        e.sendGift(id("g"), ALICE, CAROL, "g-50", 1);
        StatementLine g = last(checkedStatement(e, CAROL, List.of()));
        assertEquals(new Balances(0, 0, 50, 0), g.change());
        assertEquals(new Balances(0, 0, 50, 0), g.balance());
        assertEquals(0, g.diamondBalance(), "held diamonds are not available");

        clock.advance(Duration.ofDays(1));
        e.withdraw(id("w"), CAROL, Diamonds.of(40)); // releases the 50 held, then 40 go to payout
        StatementLine w = last(checkedStatement(e, CAROL, List.of("w")));
        assertEquals(new Balances(0, 10, -50, 40), w.change());
        assertEquals(new Balances(0, 10, 0, 40), w.balance());
        assertEquals(List.of(), e.audit());
    }

    @Test
    void aChargebackLeavesNegativeCoinsWhichTheNextPurchaseRepays() {
        CoinEconomy e = finance(HoldPolicy.REFERENCE, new HandClock());
        e.purchase(id("p1"), DAVE, "coins-70", US);
        e.sendGift(id("g"), DAVE, CAROL, "g-50", 1);
        assertTrue(e.chargeback(id("cb"), id("p1")) instanceof ChargebackReceipt);
        StatementLine cb = last(checkedStatement(e, DAVE, List.of()));
        assertEquals(new Balances(-70, 0, 0, 0), cb.change());
        assertEquals(new Balances(-50, 0, 0, 0), cb.balance());
        assertEquals(-50, cb.coinBalance());
        assertEquals(50, e.wallet(DAVE).coinsOwed().amount());
        // the token of a cursor at a debt round-trips the negative balance
        StatementCursor atDebt = e.statement(StatementCursor.start(DAVE), 100).next();
        assertEquals(atDebt, StatementCursor.parse(DAVE, atDebt.token()));

        e.purchase(id("p2"), DAVE, "coins-70", US);
        StatementLine p2 = last(checkedStatement(e, DAVE, List.of()));
        assertEquals(70, p2.coinChange());
        assertEquals(new Balances(20, 0, 0, 0), p2.balance());
        // the creator keeps her diamonds under NEGATIVE_BALANCE: the chargeback is not on her statement
        assertEquals(List.of("g"), checkedStatement(e, CAROL, List.of()).stream()
                .map(l -> l.entry().requestId().value()).toList());
    }

    @Test
    void balancesCoverEveryUserAccountTypeAndOnlyThose() {
        for (AccountType t : AccountType.values()) {
            assertEquals(t.isUserAccount(), Balances.TYPES.contains(t), t.toString());
            if (!t.isUserAccount()) {
                assertThrows(IllegalArgumentException.class, () -> Balances.ZERO.get(t), t.toString());
                assertThrows(IllegalArgumentException.class, () -> Balances.unitOf(t), t.toString());
            }
        }
        Balances b = new Balances(1, 2, 3, 4);
        assertEquals(List.of(1L, 2L, 3L, 4L), Balances.TYPES.stream().map(b::get).toList());
        assertEquals(new Balances(0, 4, 6, 3), b.plus(new Balances(-1, 2, 3, -1)));
        assertThrows(ArithmeticException.class, () -> new Balances(Long.MAX_VALUE, 0, 0, 0).plus(b));
        assertThrows(NullPointerException.class, () -> b.plus(null));
        assertThrows(NullPointerException.class, () -> new StatementLine(null, b, b));
        assertThrows(NullPointerException.class, () -> new StatementLine(
                history().statement(StatementCursor.start(ANA), 1).lines().get(0).entry(), null, b));
    }
}
