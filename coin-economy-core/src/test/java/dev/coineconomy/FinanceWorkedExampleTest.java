package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.finance.RefundPolicy;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.store.LedgerStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The worked examples of {@code docs/finance.md}, by hand, in cents, through the facade: every command of
 * issue 3 (purchase split, grant, gift with revenue recognition and promotion expense, withdrawal pending,
 * settle, fail, hold and release, refund in both modes, chargeback in both modes, debt and its repayment),
 * then the USD report of the whole history and a clean audit.
 */
public class FinanceWorkedExampleTest {

    static final Region US = Region.of("US");
    static final Region GB = Region.of("GB");
    static final Unit USD = new Unit("USD");
    static final Unit GBP = new Unit("GBP");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final UserId DAVE = UserId.of("dave");

    static Catalog catalog() {
        return Catalog.builder().version("finance-example-1")
                .pack(CoinPack.builder("coins-70", 70)
                        .price(US, Channel.APP, Money.of("USD", "0.99"))
                        .price(GB, Channel.APP, Money.of("GBP", "0.99"))
                        .price(US, Channel.WEB, Money.of("USD", "0.74")).build())
                .gift("g-1", "One", 1)
                .gift("g-35", "Thirty-five", 35)
                .gift("g-50", "Fifty", 50)
                .gift("g-75", "Seventy-five", 75)
                .build();
    }

    static EconomyPolicy policy() {
        return EconomyPolicy.reference().withMinimumWithdrawal(Money.of("USD", "0.01"));
    }

    static CoinEconomy economy(EconomyPolicy policy, MutableClock clock, LedgerStore store) {
        return CoinEconomy.builder().catalog(catalog()).policy(policy).clock(clock).store(store).build();
    }

    static RequestId id(String s) {
        return RequestId.of(s);
    }

    /** The entry's postings as "account unit" → amount. */
    static Map<String, Long> postings(CoinEconomy e, String requestId) {
        JournalEntry entry = e.entry(id(requestId)).orElseThrow();
        Map<String, Long> out = new TreeMap<>();
        entry.postings().forEach(p -> out.merge(p.account() + " " + p.unit(), p.amount(), Long::sum));
        return out;
    }

    static String p(AccountType t) {
        return AccountRef.platform(t).toString();
    }

    static String u(AccountType t, UserId user) {
        return AccountRef.user(t, user).toString();
    }

    /**
     * The whole history of the document, on any store.
     *
     * @param store an empty store
     */
    public static void workedHistory(LedgerStore store) {
        MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
        CoinEconomy e = economy(policy(), clock, store);
        Instant start = clock.instant();

        // purchase, US app: gross 99, fee round(99 x 0.3) = 30, tax 0, net 69
        e.purchase(id("p-alice"), ALICE, "coins-70", US);
        assertEquals(Map.of(
                u(AccountType.USER_COINS, ALICE) + " COINS", 70L, p(AccountType.COIN_ISSUANCE) + " COINS", -70L,
                p(AccountType.GROSS_SALES) + " USD", -99L, p(AccountType.STORE_FEES) + " USD", 30L,
                p(AccountType.DEFERRED_REVENUE) + " USD", 69L), postings(e, "p-alice"));
        // purchase, GB app: tax 99/6 = 16.5 -> 16 (half even), fee (99 - 16) x 0.3 = 24.9 -> 25, net 58
        e.purchase(id("p-bob"), BOB, "coins-70", GB);
        assertEquals(Map.of(
                u(AccountType.USER_COINS, BOB) + " COINS", 70L, p(AccountType.COIN_ISSUANCE) + " COINS", -70L,
                p(AccountType.GROSS_SALES) + " GBP", -99L, p(AccountType.STORE_FEES) + " GBP", 25L,
                p(AccountType.TAX_PAYABLE) + " GBP", 16L, p(AccountType.DEFERRED_REVENUE) + " GBP", 58L),
                postings(e, "p-bob"));
        // grant: 10 promotional coins, no money
        GrantReceipt grant = e.grant(id("grant-alice"), ALICE, Coins.of(10), "welcome bonus");
        assertEquals("welcome bonus", grant.reason());
        assertEquals(Map.of(u(AccountType.USER_COINS, ALICE) + " COINS", 10L,
                p(AccountType.PROMOTIONAL_COINS) + " COINS", -10L), postings(e, "grant-alice"));

        // gift of 75 coins: 70 from the USD lot (recognizes all 69) and 5 promotional; 75 diamonds worth
        // floor(75 x 0.5) = 37 cents: promotion floor(37 x 5 / 75) = 2, creator cost 35
        clock.advance(Duration.ofMinutes(1));
        e.sendGift(id("g-alice"), ALICE, CAROL, "g-75", 1);
        assertEquals(Map.of(
                u(AccountType.USER_COINS, ALICE) + " COINS", -75L, p(AccountType.COINS_SPENT) + " COINS", 75L,
                p(AccountType.DIAMOND_ISSUANCE) + " DIAMONDS", -75L, u(AccountType.USER_DIAMONDS, CAROL) + " DIAMONDS", 75L,
                p(AccountType.DEFERRED_REVENUE) + " USD", -69L, p(AccountType.RECOGNIZED_REVENUE) + " USD", 69L,
                p(AccountType.PROMOTION_EXPENSE) + " USD", -2L, p(AccountType.CREATOR_COST) + " USD", -35L,
                p(AccountType.CREATOR_PAYABLE) + " USD", 37L), postings(e, "g-alice"));
        assertEquals(new Wallet(ALICE, Coins.of(5), Diamonds.zero()), e.wallet(ALICE));

        // withdraw 74 diamonds: a pending payout of USD 0.37, diamonds to "in payout", no money
        WithdrawalReceipt w = e.withdraw(id("w-carol"), CAROL, Diamonds.of(74));
        assertEquals(Money.of("USD", "0.37"), w.payout());
        assertEquals(Map.of(u(AccountType.USER_DIAMONDS, CAROL) + " DIAMONDS", -74L,
                u(AccountType.USER_DIAMONDS_IN_PAYOUT, CAROL) + " DIAMONDS", 74L), postings(e, "w-carol"));
        assertEquals(PayoutState.PENDING, e.payout(id("w-carol")).orElseThrow().state());
        assertEquals(new Wallet(CAROL, Coins.zero(), Diamonds.of(1)), e.wallet(CAROL));
        // settle: redeemed, and 37 cents from payable to paid; carol keeps 1 diamond, payable 37 - 37 = 0
        PayoutSettledReceipt settled = e.settleWithdrawal(id("s-carol"), id("w-carol"));
        assertEquals(Money.of("USD", "0.37"), settled.paid());
        assertEquals(Map.of(u(AccountType.USER_DIAMONDS_IN_PAYOUT, CAROL) + " DIAMONDS", -74L,
                p(AccountType.DIAMONDS_REDEEMED) + " DIAMONDS", 74L, p(AccountType.CREATOR_PAYABLE) + " USD", -37L,
                p(AccountType.PAYOUTS_PAID) + " USD", 37L), postings(e, "s-carol"));
        assertEquals(new Payout(id("w-carol"), CAROL, Diamonds.of(74), Money.of("USD", "0.37"), PayoutState.PAID),
                e.payout(id("w-carol")).orElseThrow());

        // refund of bob's unused purchase, within 14 days: the split reversed part by part
        clock.advance(Duration.ofDays(13));
        RefundReceipt refund = e.refundPurchase(id("r-bob"), id("p-bob"));
        assertEquals(Money.of("GBP", "0.99"), refund.refunded());
        assertEquals(Coins.of(70), refund.coinsRemoved());
        assertEquals(Map.of(u(AccountType.USER_COINS, BOB) + " COINS", -70L, p(AccountType.COINS_REFUNDED) + " COINS", 70L,
                p(AccountType.SALES_REFUNDS) + " GBP", 99L, p(AccountType.STORE_FEES) + " GBP", -25L,
                p(AccountType.TAX_PAYABLE) + " GBP", -16L, p(AccountType.DEFERRED_REVENUE) + " GBP", -58L),
                postings(e, "r-bob"));

        // dave buys 70 and gifts 50 (recognizing floor(69 x 50 / 70) = 49; 50 diamonds = 25 cents)
        e.purchase(id("p-dave-1"), DAVE, "coins-70", US);
        e.sendGift(id("g-dave"), DAVE, CAROL, "g-50", 1);
        assertEquals(-49L, postings(e, "g-dave").get(p(AccountType.DEFERRED_REVENUE) + " USD"));
        assertEquals(25L, postings(e, "g-dave").get(p(AccountType.CREATOR_PAYABLE) + " USD"));
        // chargeback (NEGATIVE_BALANCE): all 70 coins leave dave (-50); the recognized 49 is a loss
        ChargebackReceipt cb = e.chargeback(id("cb-dave"), id("p-dave-1"));
        assertEquals(Coins.of(70), cb.coinsRemoved());
        assertEquals(Coins.of(50), cb.coinsOwed());
        assertEquals(Diamonds.zero(), cb.clawedBack());
        assertEquals(Map.of(u(AccountType.USER_COINS, DAVE) + " COINS", -70L,
                p(AccountType.COINS_CHARGED_BACK) + " COINS", 70L, p(AccountType.CHARGEBACKS) + " USD", 99L,
                p(AccountType.STORE_FEES) + " USD", -30L, p(AccountType.DEFERRED_REVENUE) + " USD", -20L,
                p(AccountType.CHARGEBACK_LOSSES) + " USD", -49L), postings(e, "cb-dave"));
        assertEquals(-50, e.trialBalance().balance(AccountRef.user(AccountType.USER_COINS, DAVE), Unit.COINS));
        assertEquals(new Wallet(DAVE, Coins.zero(), Diamonds.zero(), Coins.of(50)), e.wallet(DAVE));
        // restricted while negative
        EconomyException restricted = assertThrows(EconomyException.class,
                () -> e.sendGift(id("g-dave-2"), DAVE, CAROL, "g-1", 1));
        assertEquals(RejectionCode.ACCOUNT_RESTRICTED, restricted.code());
        assertEquals(Coins.of(50), restricted.value("owed"));
        // the next purchase repays 50 coins: floor(69 x 50 / 70) = 49 moves from deferred to losses
        e.purchase(id("p-dave-2"), DAVE, "coins-70", US);
        Map<String, Long> repay = postings(e, "p-dave-2");
        assertEquals(69L - 49L, repay.get(p(AccountType.DEFERRED_REVENUE) + " USD"));
        assertEquals(49L, repay.get(p(AccountType.CHARGEBACK_LOSSES) + " USD"));
        assertEquals(Coins.of(20), e.wallet(DAVE).coins());
        e.sendGift(id("g-dave-3"), DAVE, CAROL, "g-1", 1); // no longer restricted; 1 diamond: carol's 126th
        // a payout of carol's other 52 diamonds fails: no money moves
        e.withdraw(id("w-carol-2"), CAROL, Diamonds.of(52));
        PayoutFailedReceipt failed = e.failWithdrawal(id("f-carol-2"), id("w-carol-2"), "provider rejected");
        assertEquals(Diamonds.of(52), e.wallet(CAROL).diamonds());

        // every receipt kind reads back from the store equal to the one returned
        for (Receipt r : List.<Receipt>of(grant, w, settled, refund, cb, failed)) {
            assertEquals(r, e.entry(r.requestId()).orElseThrow().receipt(), r.getClass().getSimpleName());
        }

        // the USD report of the whole history, in cents
        FinanceReport usd = e.financeReport(start, clock.instant().plusSeconds(1)).stream()
                .filter(r -> r.currency().getCurrencyCode().equals("USD")).findFirst().orElseThrow();
        assertEquals(Money.of("USD", "2.97"), usd.grossSales());
        assertEquals(Money.of("USD", "0.60"), usd.storeFees());
        assertEquals(Money.of("USD", "0.99"), usd.chargebacks());
        assertEquals(Money.of("USD", "1.38"), usd.netSales());
        assertEquals(Money.of("USD", "0.00"), usd.deferredStart());
        // dave's second lot: 70 coins, 51 used (50 repaid + 1 gifted): 69 - floor(69 x 51 / 70) = 69 - 50
        assertEquals(Money.of("USD", "0.19"), usd.deferredEnd());
        assertEquals(Money.of("USD", "1.19"), usd.recognizedRevenue()); // 69 + 49 + 1
        assertEquals(Money.of("USD", "0.61"), usd.creatorCost());       // 35 + 25 + (floor(126/2) - floor(125/2) = 1)
        assertEquals(Money.of("USD", "0.02"), usd.promotionExpense());
        assertEquals(Money.of("USD", "0.00"), usd.chargebackLosses());   // 49 lost, 49 recovered
        assertEquals(Money.of("USD", "0.56"), usd.margin());              // 119 - 61 - 2 - 0
        assertEquals(Money.of("USD", "0.26"), usd.creatorPayableEnd());  // floor(126 x 0.5) - 37 = 26
        assertEquals(Money.of("USD", "0.37"), usd.payoutsPaid());
        assertEquals(List.of(), usd.violations());
        FinanceReport gbp = e.financeReport(start, clock.instant().plusSeconds(1)).stream()
                .filter(r -> r.currency().getCurrencyCode().equals("GBP")).findFirst().orElseThrow();
        assertEquals(Money.of("GBP", "0.99"), gbp.refunds());
        assertEquals(Money.of("GBP", "0.00"), gbp.netSales());
        assertEquals(List.of(), gbp.violations());
        assertEquals(List.of(), e.audit());
    }

    @Test
    void workedHistoryInCents() {
        workedHistory(LedgerStore.inMemory());
    }

    @Test
    void chargebackWithClawbackTakesBackWhatTheCreatorStillHolds() {
        MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
        EconomyPolicy policy = policy().withFinance(policy().finance()
                .withChargebacks(new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK)));
        CoinEconomy e = economy(policy, clock, LedgerStore.inMemory());
        e.purchase(id("p-dave"), DAVE, "coins-70", US);
        e.sendGift(id("g-dave"), DAVE, CAROL, "g-50", 1);
        ChargebackReceipt cb = e.chargeback(id("cb"), id("p-dave"));
        // only the 20 unspent coins leave dave; carol's 50 diamonds are clawed back with their 25 cents
        assertEquals(Coins.of(20), cb.coinsRemoved());
        assertEquals(Coins.zero(), cb.coinsOwed());
        assertEquals(Diamonds.of(50), cb.clawedBack());
        assertEquals(Map.of(u(AccountType.USER_COINS, DAVE) + " COINS", -20L,
                p(AccountType.COINS_CHARGED_BACK) + " COINS", 20L, p(AccountType.CHARGEBACKS) + " USD", 99L,
                p(AccountType.STORE_FEES) + " USD", -30L, p(AccountType.DEFERRED_REVENUE) + " USD", -20L,
                p(AccountType.CHARGEBACK_LOSSES) + " USD", -49L + 25L,
                u(AccountType.USER_DIAMONDS, CAROL) + " DIAMONDS", -50L,
                p(AccountType.DIAMONDS_CLAWED_BACK) + " DIAMONDS", 50L, p(AccountType.CREATOR_PAYABLE) + " USD", -25L),
                postings(e, "cb"));
        assertEquals(new Wallet(DAVE, Coins.zero(), Diamonds.zero()), e.wallet(DAVE));
        assertEquals(new Wallet(CAROL, Coins.zero(), Diamonds.zero()), e.wallet(CAROL));
        assertEquals(List.of(), e.audit());

        // a creator who already withdrew cannot be clawed back: the whole 49 stays a loss
        e.purchase(id("p-dave-2"), DAVE, "coins-70", US);
        e.sendGift(id("g-dave-2"), DAVE, CAROL, "g-50", 1);
        e.withdraw(id("w-carol"), CAROL, Diamonds.of(50));
        ChargebackReceipt cb2 = e.chargeback(id("cb-2"), id("p-dave-2"));
        assertEquals(Diamonds.zero(), cb2.clawedBack());
        assertEquals(-49L, postings(e, "cb-2").get(p(AccountType.CHARGEBACK_LOSSES) + " USD"));
        TrialBalance tb = e.trialBalance();
        assertEquals(-24 - 49, tb.balance(AccountRef.platform(AccountType.CHARGEBACK_LOSSES), USD));
        assertEquals(List.of(), e.audit());
    }

    @Test
    void proRataRefundReturnsTheUnusedShareOfEachPart() {
        MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
        EconomyPolicy policy = policy().withFinance(policy().finance()
                .withRefunds(RefundPolicy.REFERENCE.withMode(RefundPolicy.Mode.PRO_RATA_UNUSED)));
        CoinEconomy e = economy(policy, clock, LedgerStore.inMemory());
        e.purchase(id("p-bob"), BOB, "coins-70", GB);
        e.sendGift(id("g-bob"), BOB, CAROL, "g-35", 1); // recognizes floor(58 x 35 / 70) = 29
        RefundReceipt r = e.refundPurchase(id("r-bob"), id("p-bob"));
        // fee 25 - floor(25/2) = 13, tax 16 - 8 = 8, net 58 - 29 = 29: gross 50
        assertEquals(Money.of("GBP", "0.50"), r.refunded());
        assertEquals(Coins.of(35), r.coinsRemoved());
        assertEquals(Map.of(u(AccountType.USER_COINS, BOB) + " COINS", -35L, p(AccountType.COINS_REFUNDED) + " COINS", 35L,
                p(AccountType.SALES_REFUNDS) + " GBP", 50L, p(AccountType.STORE_FEES) + " GBP", -13L,
                p(AccountType.TAX_PAYABLE) + " GBP", -8L, p(AccountType.DEFERRED_REVENUE) + " GBP", -29L),
                postings(e, "r-bob"));
        assertEquals(0, e.trialBalance().balance(AccountRef.platform(AccountType.DEFERRED_REVENUE), GBP));
        assertEquals(List.of(), e.audit());
    }

    @Test
    void failedPayoutReturnsTheDiamondsAndFreesTheDailyCap() {
        MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
        CoinEconomy e = economy(policy().withDailyWithdrawalLimit(Money.of("USD", "0.30")), clock,
                LedgerStore.inMemory());
        e.purchase(id("p"), ALICE, "coins-70", US);
        e.sendGift(id("g"), ALICE, CAROL, "g-50", 1);
        e.withdraw(id("w"), CAROL, Diamonds.of(50));
        assertEquals(Money.of("USD", "0.05"), e.remainingWithdrawalToday(CAROL)); // pending counts
        PayoutFailedReceipt f = e.failWithdrawal(id("f"), id("w"), "bank account closed");
        assertEquals("bank account closed", f.reason());
        assertEquals(Map.of(u(AccountType.USER_DIAMONDS_IN_PAYOUT, CAROL) + " DIAMONDS", -50L,
                u(AccountType.USER_DIAMONDS, CAROL) + " DIAMONDS", 50L), postings(e, "f"));
        assertEquals(Diamonds.of(50), e.wallet(CAROL).diamonds());
        assertEquals(Money.of("USD", "0.30"), e.remainingWithdrawalToday(CAROL));
        assertEquals(PayoutState.FAILED, e.payout(id("w")).orElseThrow().state());
        assertEquals(25, e.trialBalance().balance(AccountRef.platform(AccountType.CREATOR_PAYABLE), USD));
        assertEquals(List.of(), e.audit());
    }

    @Test
    void heldDiamondsAreReleasedByTheFirstWithdrawalAfterTheHold() {
        MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
        EconomyPolicy policy = policy().withFinance(policy().finance().withHold(new HoldPolicy(Duration.ofDays(1))));
        CoinEconomy e = economy(policy, clock, LedgerStore.inMemory());
        e.purchase(id("p"), ALICE, "coins-70", US);
        e.sendGift(id("g"), ALICE, CAROL, "g-50", 1);
        assertEquals(Map.of(
                u(AccountType.USER_COINS, ALICE) + " COINS", -50L, p(AccountType.COINS_SPENT) + " COINS", 50L,
                p(AccountType.DIAMOND_ISSUANCE) + " DIAMONDS", -50L,
                u(AccountType.USER_DIAMONDS_HELD, CAROL) + " DIAMONDS", 50L,
                p(AccountType.DEFERRED_REVENUE) + " USD", -49L, p(AccountType.RECOGNIZED_REVENUE) + " USD", 49L,
                p(AccountType.CREATOR_COST) + " USD", -25L, p(AccountType.CREATOR_PAYABLE) + " USD", 25L),
                postings(e, "g"));
        assertEquals(Diamonds.zero(), e.wallet(CAROL).diamonds());
        clock.advance(Duration.ofHours(23));
        EconomyException early = assertThrows(EconomyException.class,
                () -> e.withdraw(id("w-early"), CAROL, Diamonds.of(50)));
        assertEquals(RejectionCode.INSUFFICIENT_DIAMONDS, early.code());
        clock.advance(Duration.ofHours(1));
        e.withdraw(id("w"), CAROL, Diamonds.of(40));
        // one entry: release 50 held -> available, then 40 available -> in payout
        assertEquals(Map.of(u(AccountType.USER_DIAMONDS_HELD, CAROL) + " DIAMONDS", -50L,
                u(AccountType.USER_DIAMONDS, CAROL) + " DIAMONDS", 10L,
                u(AccountType.USER_DIAMONDS_IN_PAYOUT, CAROL) + " DIAMONDS", 40L), postings(e, "w"));
        assertEquals(Diamonds.of(10), e.wallet(CAROL).diamonds());
        assertEquals(List.of(), e.audit());
    }
}
