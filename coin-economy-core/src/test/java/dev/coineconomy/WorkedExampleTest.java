package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
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
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of issue 2, end to end, with a clock the test moves by hand. */
class WorkedExampleTest {

    private static final Region US = Region.of("US");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final UserId viewer = UserId.of("viewer-1");
    private final UserId creator = UserId.of("creator-1");

    private CoinEconomy economy(EconomyPolicy policy) {
        return CoinEconomy.builder().catalog(Catalog.reference()).policy(policy).clock(clock).build();
    }

    private static RequestId id(String value) {
        return RequestId.of(value);
    }

    private static EconomyException rejected(RejectionCode code, Executable command) {
        EconomyException e = assertThrows(EconomyException.class, command);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    /** Buys enough 11,000-coin packs for {@code coins} coins and gifts them all as roses. */
    private void fund(CoinEconomy economy, UserId from, UserId to, long coins, String prefix) {
        long packs = (coins + 10_999) / 11_000;
        for (long i = 0; i < packs; i++) {
            economy.purchase(id(prefix + "-buy-" + i), from, "coins-11000", US);
        }
        economy.sendGift(id(prefix + "-roses"), from, to, "rose", coins);
    }

    @Test
    void issueTwoSnippetEndToEnd() {
        CoinEconomy economy = economy(EconomyPolicy.reference());

        PurchaseReceipt p = economy.purchase(id("p-1"), viewer, "coins-330", US);
        assertEquals(Coins.of(330), p.coins());
        assertEquals(Money.of("USD", "4.99"), p.price());
        assertEquals(new PurchaseReceipt(id("p-1"), 1, T0, viewer, "coins-330", US, Channel.APP, Coins.of(330),
                Money.of("USD", "4.99"), Catalog.REFERENCE_VERSION, EconomyPolicy.REFERENCE_VERSION), p);

        clock.set("2026-11-25T12:01:00Z");
        PurchaseReceipt web = economy.purchase(id("p-2"), viewer, "coins-70", US, Channel.WEB);
        assertEquals(Money.of("USD", "0.74"), web.price());
        assertEquals(Coins.of(70), web.coins());
        assertEquals(Channel.WEB, web.channel());
        assertEquals(2, web.sequence());
        assertEquals(Instant.parse("2026-11-25T12:01:00Z"), web.instant());

        clock.set("2026-11-25T12:02:00Z");
        GiftReceipt g = economy.sendGift(id("g-1"), viewer, creator, "hand-hearts", 3);
        assertEquals(Coins.of(300), g.coinsSpent());
        assertEquals(Diamonds.of(300), g.diamondsCredited());
        assertEquals(3, g.quantity());
        assertEquals(new Wallet(viewer, Coins.of(100), Diamonds.zero()), economy.wallet(viewer));
        assertEquals(new Wallet(creator, Coins.zero(), Diamonds.of(300)), economy.wallet(creator));

        // build the creator up to >= 20,000 diamonds: 2 × 11,000 coins, one Rocket (20,000 coins)
        clock.set("2026-11-25T13:00:00Z");
        economy.purchase(id("p-3"), viewer, "coins-11000", US);
        economy.purchase(id("p-4"), viewer, "coins-11000", US);
        GiftReceipt rocket = economy.sendGift(id("g-2"), viewer, creator, "rocket", 1);
        assertEquals(Diamonds.of(20_000), rocket.diamondsCredited());
        assertEquals(Diamonds.of(20_300), economy.wallet(creator).diamonds());
        assertEquals(Coins.of(2_100), economy.wallet(viewer).coins());

        clock.set("2026-11-25T14:00:00Z");
        WithdrawalReceipt w = economy.withdraw(id("w-1"), creator, Diamonds.of(20_000));
        assertEquals(Money.of("USD", "100.00"), w.payout());
        assertEquals(Diamonds.of(20_000), w.diamondsDebited());
        assertEquals(creator, w.creator());
        assertEquals(Diamonds.of(300), economy.wallet(creator).diamonds());
        assertEquals(Money.of("USD", "900.00"), economy.remainingWithdrawalToday(creator));

        // statements: oldest first, gifts sent and received alike
        List<JournalEntry> vs = economy.statement(viewer);
        assertEquals(List.of("p-1", "p-2", "g-1", "p-3", "p-4", "g-2"), requestIds(vs));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), sequences(vs));
        assertEquals(p, vs.get(0).receipt());
        assertEquals(g, vs.get(2).receipt());
        List<JournalEntry> cs = economy.statement(creator);
        assertEquals(List.of("g-1", "g-2", "w-1"), requestIds(cs));
        assertEquals(w, cs.get(2).receipt());
        assertEquals(List.of(), economy.statement(UserId.of("nobody")));
        assertEquals(7, economy.journalSize());

        // the postings of the gift: coins from the viewer to COINS_SPENT, diamonds from issuance to the creator;
        // the 300 coins come from the USD 4.99 lot of 330 coins (US app: fee 149.7 -> 150, net 349), which
        // recognizes floor(349 x 300 / 330) = 317 cents; 300 diamonds at USD 0.005 are 150 cents owed
        assertEquals(List.of(
                new Posting(AccountRef.user(AccountType.USER_COINS, viewer), Unit.COINS, -300),
                new Posting(AccountRef.platform(AccountType.COINS_SPENT), Unit.COINS, 300),
                new Posting(AccountRef.platform(AccountType.DIAMOND_ISSUANCE), Unit.DIAMONDS, -300),
                new Posting(AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS, 300),
                new Posting(AccountRef.platform(AccountType.DEFERRED_REVENUE), Unit.of(USD), -317),
                new Posting(AccountRef.platform(AccountType.RECOGNIZED_REVENUE), Unit.of(USD), 317),
                new Posting(AccountRef.platform(AccountType.CREATOR_COST), Unit.of(USD), -150),
                new Posting(AccountRef.platform(AccountType.CREATOR_PAYABLE), Unit.of(USD), 150)),
                vs.get(2).postings());

        // the trial balance, from the journal alone, agrees with the wallets and conserves every unit
        TrialBalance tb = economy.trialBalance();
        assertEquals(7, tb.entries());
        assertEquals(2_100, tb.balance(AccountRef.user(AccountType.USER_COINS, viewer), Unit.COINS));
        assertEquals(300, tb.balance(AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS));
        assertEquals(-(330 + 70 + 22_000), tb.balance(AccountRef.platform(AccountType.COIN_ISSUANCE), Unit.COINS));
        assertEquals(20_300, tb.balance(AccountRef.platform(AccountType.COINS_SPENT), Unit.COINS));
        // the withdrawal is a pending payout: its diamonds are "in payout", no money has moved yet
        assertEquals(20_000, tb.balance(AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, creator), Unit.DIAMONDS));
        assertEquals(0, tb.balance(AccountRef.platform(AccountType.DIAMONDS_REDEEMED), Unit.DIAMONDS));
        assertEquals(-(499 + 74 + 2 * 13_999), tb.balance(AccountRef.platform(AccountType.GROSS_SALES), Unit.of(USD)));
        assertEquals(0, tb.balance(AccountRef.platform(AccountType.PAYOUTS_PAID), Unit.of(USD)));
        assertEquals(20_300 / 2, tb.balance(AccountRef.platform(AccountType.CREATOR_PAYABLE), Unit.of(USD)));
        for (Unit unit : List.of(Unit.COINS, Unit.DIAMONDS, Unit.of(USD))) {
            assertEquals(0, tb.total(unit), unit::toString);
        }
        // settled: the diamonds are redeemed and USD 100.00 moves from creator payable to payouts paid
        economy.settleWithdrawal(id("s-1"), id("w-1"));
        TrialBalance settled = economy.trialBalance();
        assertEquals(20_000, settled.balance(AccountRef.platform(AccountType.DIAMONDS_REDEEMED), Unit.DIAMONDS));
        assertEquals(10_000, settled.balance(AccountRef.platform(AccountType.PAYOUTS_PAID), Unit.of(USD)));
        assertEquals(150, settled.balance(AccountRef.platform(AccountType.CREATOR_PAYABLE), Unit.of(USD)));
        assertEquals(0, settled.balance(AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, creator), Unit.DIAMONDS));
        assertEquals(List.of(), economy.audit());
    }

    @Test
    void minimumWithdrawalIsInclusive() {
        CoinEconomy economy = economy(EconomyPolicy.reference());
        fund(economy, viewer, creator, 40_002, "f");
        List<UserId> users = List.of(viewer, creator);

        StateSnapshot before = StateSnapshot.of(economy, users);
        EconomyException e = rejected(RejectionCode.BELOW_MINIMUM_WITHDRAWAL,
                () -> economy.withdraw(id("w-low"), creator, Diamonds.of(19_998)));
        assertEquals(Money.of("USD", "99.99"), e.value("payout"));
        assertEquals(Money.of("USD", "100.00"), e.value("minimum"));
        StateSnapshot.assertUnchanged(before, economy, users, id("w-low"));

        WithdrawalReceipt w = economy.withdraw(id("w-min"), creator, Diamonds.of(20_000));
        assertEquals(Money.of("USD", "100.00"), w.payout());
        assertEquals(Diamonds.of(20_002), economy.wallet(creator).diamonds());
        // the id of the rejected withdrawal is free for a later, different command
        WithdrawalReceipt later = economy.withdraw(id("w-low"), creator, Diamonds.of(20_002));
        assertEquals(Money.of("USD", "100.01"), later.payout());
    }

    @Test
    void dailyLimitIsInclusiveAndResetsAtMidnightUtc() {
        dailyLimitIsInclusiveAndResets(EconomyPolicy.reference(), "2026-11-25T12:00:00Z",
                "2026-11-25T23:59:59.999999999Z", "2026-11-26T00:00:00Z");
    }

    @Test
    void dailyLimitCountsCalendarDaysInThePolicyZone() {
        // 12:00 UTC = 04:00 in Los Angeles; the LA day ends at 08:00 UTC the next morning
        dailyLimitIsInclusiveAndResets(
                EconomyPolicy.reference().withWithdrawalDayZone(ZoneId.of("America/Los_Angeles")),
                "2026-11-25T12:00:00Z", "2026-11-26T07:59:59Z", "2026-11-26T08:00:00Z");
    }

    private void dailyLimitIsInclusiveAndResets(EconomyPolicy policy, String start, String lastInstantOfDay,
                                                String nextDay) {
        clock.set(start);
        CoinEconomy economy = economy(policy);
        fund(economy, viewer, creator, 440_000, "f");
        List<UserId> users = List.of(viewer, creator);

        assertEquals(Money.of("USD", "1000.00"), economy.remainingWithdrawalToday(creator));
        economy.withdraw(id("w-1"), creator, Diamonds.of(100_000));             // USD 500.00
        economy.withdraw(id("w-2"), creator, Diamonds.of(80_000));              // USD 400.00
        assertEquals(Money.of("USD", "100.00"), economy.remainingWithdrawalToday(creator));

        // one step (one cent) past the limit
        StateSnapshot before = StateSnapshot.of(economy, users);
        EconomyException over = rejected(RejectionCode.DAILY_WITHDRAWAL_LIMIT,
                () -> economy.withdraw(id("w-3"), creator, Diamonds.of(20_002)));
        assertEquals(Money.of("USD", "100.01"), over.value("payout"));
        assertEquals(Money.of("USD", "1000.00"), over.value("limit"));
        assertEquals(Money.of("USD", "900.00"), over.value("withdrawnToday"));
        assertEquals(Money.of("USD", "100.00"), over.value("remaining"));
        assertEquals(LocalDate.ofInstant(Instant.parse(start), policy.payout().dayZone()), over.value("day"));
        StateSnapshot.assertUnchanged(before, economy, users, id("w-3"));

        // exactly USD 1,000.00 in the day is accepted
        assertEquals(Money.of("USD", "100.00"),
                economy.withdraw(id("w-3"), creator, Diamonds.of(20_000)).payout());
        assertEquals(Money.zero(USD), economy.remainingWithdrawalToday(creator));

        before = StateSnapshot.of(economy, users);
        rejected(RejectionCode.DAILY_WITHDRAWAL_LIMIT,
                () -> economy.withdraw(id("w-4"), creator, Diamonds.of(20_000)));
        StateSnapshot.assertUnchanged(before, economy, users, id("w-4"));

        clock.set(lastInstantOfDay);
        before = StateSnapshot.of(economy, users);
        rejected(RejectionCode.DAILY_WITHDRAWAL_LIMIT,
                () -> economy.withdraw(id("w-4"), creator, Diamonds.of(20_000)));
        StateSnapshot.assertUnchanged(before, economy, users, id("w-4"));

        clock.set(nextDay);
        assertEquals(Money.of("USD", "1000.00"), economy.remainingWithdrawalToday(creator));
        WithdrawalReceipt next = economy.withdraw(id("w-4"), creator, Diamonds.of(200_000));
        assertEquals(Money.of("USD", "1000.00"), next.payout());
        assertEquals(Instant.parse(nextDay), next.instant());
        assertEquals(Diamonds.of(440_000 - 400_000), economy.wallet(creator).diamonds());
        rejected(RejectionCode.DAILY_WITHDRAWAL_LIMIT,
                () -> economy.withdraw(id("w-5"), creator, Diamonds.of(20_000)));
    }

    @Test
    void exactCarryWithHalfADiamondPerCoin() {
        CoinEconomy economy = economy(EconomyPolicy.reference().withDiamondsPerCoin(Ratio.of(1, 2)));
        economy.purchase(id("p"), viewer, "coins-65", US);
        List<Long> credited = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            credited.add(economy.sendGift(id("rose-" + i), viewer, creator, "rose", 1).diamondsCredited().amount());
        }
        assertEquals(List.of(0L, 1L, 0L, 1L), credited);
        assertEquals(Diamonds.of(2), economy.wallet(creator).diamonds());
        // 4 + 3 = 7 coins: floor(3.5) - floor(2) = 1; then 7 + 1 = 8: floor(4) - floor(3.5) = 1
        assertEquals(Diamonds.of(1), economy.sendGift(id("roses-3"), viewer, creator, "rose", 3).diamondsCredited());
        assertEquals(Diamonds.of(1), economy.sendGift(id("rose-5"), viewer, creator, "rose", 1).diamondsCredited());
        // 8 + 5 = 13 coins: floor(6.5) - 4 = 2; then 13 + 5 = 18: 9 - 6 = 3
        assertEquals(Diamonds.of(2), economy.sendGift(id("fh-1"), viewer, creator, "finger-heart", 1).diamondsCredited());
        assertEquals(Diamonds.of(3), economy.sendGift(id("fh-2"), viewer, creator, "finger-heart", 1).diamondsCredited());
        assertEquals(Diamonds.of(9), economy.wallet(creator).diamonds());
        assertEquals(Coins.of(65 - 18), economy.wallet(viewer).coins());

        // a gift that credits no diamond is still on the creator's statement, with no diamond postings
        // (its coin and revenue postings remain; no creator payable)
        JournalEntry first = economy.entry(id("rose-1")).orElseThrow();
        assertEquals(2, first.postings().stream().filter(x -> x.unit().equals(Unit.COINS)).count());
        assertTrue(first.postings().stream().noneMatch(x -> x.unit().equals(Unit.DIAMONDS)));
        assertTrue(first.postings().stream().noneMatch(x -> x.account().type() == AccountType.CREATOR_PAYABLE));
        assertEquals(8, economy.statement(creator).size());
        assertEquals(9, economy.trialBalance()
                .balance(AccountRef.user(AccountType.USER_DIAMONDS, creator), Unit.DIAMONDS));
        assertEquals(0, economy.trialBalance().total(Unit.DIAMONDS));
    }

    @Test
    void notWholeCentsNamesTheNearestPayableCounts() {
        CoinEconomy economy = economy(EconomyPolicy.reference());
        fund(economy, viewer, creator, 30_000, "f");
        List<UserId> users = List.of(viewer, creator);
        StateSnapshot before = StateSnapshot.of(economy, users);

        EconomyException e = rejected(RejectionCode.NOT_WHOLE_CENTS,
                () -> economy.withdraw(id("w"), creator, Diamonds.of(20_001)));
        assertEquals(Map.of("requested", Diamonds.of(20_001), "step", 2L,
                "payableBelow", Diamonds.of(20_000), "payableAbove", Diamonds.of(20_002)), e.values());
        // whole cents is checked before the minimum and the balance
        EconomyException small = rejected(RejectionCode.NOT_WHOLE_CENTS,
                () -> economy.withdraw(id("w"), creator, Diamonds.of(3)));
        assertEquals(Diamonds.of(2), small.value("payableBelow"));
        assertEquals(Diamonds.of(4), small.value("payableAbove"));
        rejected(RejectionCode.NOT_WHOLE_CENTS, () -> economy.withdraw(id("w"), creator, Diamonds.of(99_999)));
        rejected(RejectionCode.INSUFFICIENT_DIAMONDS, () -> economy.withdraw(id("w"), creator, Diamonds.of(30_002)));
        StateSnapshot.assertUnchanged(before, economy, users, id("w"));

        assertEquals(Money.of("USD", "100.01"), economy.withdraw(id("w"), creator, Diamonds.of(20_002)).payout());
        assertEquals(Diamonds.of(9_998), economy.wallet(creator).diamonds());
    }

    @Test
    void customDiamondValues() {
        // USD 1.00 per 200 diamonds is the reference rate, written as a rate
        DiamondValue perTwoHundred = DiamondValue.of(Money.of("USD", "1.00"), 200);
        CoinEconomy a = economy(EconomyPolicy.reference().withVersion("per-200").withDiamondValue(perTwoHundred));
        fund(a, viewer, creator, 20_001, "a");
        WithdrawalReceipt wa = a.withdraw(id("w"), creator, Diamonds.of(20_000));
        assertEquals(Money.of("USD", "100.00"), wa.payout());
        assertEquals("per-200", wa.policyVersion());
        assertEquals(Diamonds.of(1), a.wallet(creator).diamonds()); // the sub-cent rest stays as a diamond

        // USD 1.00 per 300 diamonds: step 3
        CoinEconomy b = economy(EconomyPolicy.reference()
                .withDiamondValue(DiamondValue.of(Money.of("USD", "1.00"), 300)));
        fund(b, viewer, creator, 31_000, "b");
        EconomyException e = rejected(RejectionCode.NOT_WHOLE_CENTS,
                () -> b.withdraw(id("w"), creator, Diamonds.of(30_001)));
        assertEquals(3L, e.value("step"));
        assertEquals(Diamonds.of(30_000), e.value("payableBelow"));
        assertEquals(Diamonds.of(30_003), e.value("payableAbove"));
        rejected(RejectionCode.BELOW_MINIMUM_WITHDRAWAL, () -> b.withdraw(id("w"), creator, Diamonds.of(29_997)));
        assertEquals(Money.of("USD", "100.00"), b.withdraw(id("w"), creator, Diamonds.of(30_000)).payout());

        // 1 cent per diamond and a USD 10 minimum: every count is payable
        CoinEconomy c = economy(EconomyPolicy.reference()
                .withDiamondValue(DiamondValue.of(Money.of("USD", "1.00"), 100))
                .withMinimumWithdrawal(Money.of("USD", "10.00")));
        fund(c, viewer, creator, 5_000, "c");
        rejected(RejectionCode.BELOW_MINIMUM_WITHDRAWAL, () -> c.withdraw(id("w"), creator, Diamonds.of(999)));
        assertEquals(Money.of("USD", "10.01"), c.withdraw(id("w"), creator, Diamonds.of(1_001)).payout());

        // a payout currency other than USD: replaced all at once, as the currencies must agree
        CoinEconomy d = economy(EconomyPolicy.reference().withPayout(new PayoutPolicy(
                DiamondValue.of(Money.of("EUR", "1.00"), 250), Money.of("EUR", "50.00"),
                Money.of("EUR", "500.00"), ZoneId.of("Europe/Paris"))));
        fund(d, viewer, creator, 20_000, "d");
        WithdrawalReceipt wd = d.withdraw(id("w"), creator, Diamonds.of(12_500));
        assertEquals(Money.of("EUR", "50.00"), wd.payout());
        assertEquals(Money.of("EUR", "450.00"), d.remainingWithdrawalToday(creator));
        assertEquals(0, d.trialBalance().total(Unit.of(Currency.getInstance("EUR"))));
    }

    @Test
    void requestConflictForAnyDifferentCommand() {
        CoinEconomy economy = economy(EconomyPolicy.reference());
        PurchaseReceipt p = economy.purchase(id("p-1"), viewer, "coins-330", US);
        GiftReceipt g = economy.sendGift(id("g-1"), viewer, creator, "rose", 10);
        fund(economy, viewer, creator, 20_000, "f");
        WithdrawalReceipt w = economy.withdraw(id("w-1"), creator, Diamonds.of(20_000));
        List<UserId> users = List.of(viewer, creator, UserId.of("other"));
        StateSnapshot before = StateSnapshot.of(economy, users);

        List<Executable> conflicts = List.of(
                // same kind, one field different
                () -> economy.purchase(id("p-1"), viewer, "coins-65", US),
                () -> economy.purchase(id("p-1"), UserId.of("other"), "coins-330", US),
                () -> economy.purchase(id("p-1"), viewer, "coins-330", Region.of("GB")),
                () -> economy.purchase(id("p-1"), viewer, "coins-330", US, Channel.WEB),
                () -> economy.sendGift(id("g-1"), viewer, creator, "rose", 11),
                () -> economy.sendGift(id("g-1"), viewer, creator, "tiktok", 10),
                () -> economy.sendGift(id("g-1"), viewer, UserId.of("other"), "rose", 10),
                () -> economy.sendGift(id("g-1"), UserId.of("other"), creator, "rose", 10),
                () -> economy.withdraw(id("w-1"), creator, Diamonds.of(20_002)),
                () -> economy.withdraw(id("w-1"), viewer, Diamonds.of(20_000)),
                // another kind
                () -> economy.sendGift(id("p-1"), viewer, creator, "rose", 1),
                () -> economy.withdraw(id("p-1"), creator, Diamonds.of(20_000)),
                () -> economy.purchase(id("g-1"), viewer, "coins-330", US),
                () -> economy.withdraw(id("g-1"), creator, Diamonds.of(20_000)),
                () -> economy.purchase(id("w-1"), creator, "coins-330", US),
                () -> economy.sendGift(id("w-1"), viewer, creator, "rose", 1),
                // a reused id is a conflict whatever else is wrong with the command
                () -> economy.purchase(id("p-1"), viewer, "no-such-pack", US),
                () -> economy.sendGift(id("g-1"), viewer, viewer, "rose", 10),
                () -> economy.withdraw(id("w-1"), creator, Diamonds.of(1)));
        Map<String, Receipt> originals = Map.of("p-1", p, "g-1", g, "w-1", w);
        for (Executable conflict : conflicts) {
            EconomyException e = rejected(RejectionCode.REQUEST_CONFLICT, conflict);
            Receipt existing = (Receipt) e.value("existing");
            assertSame(originals.get(existing.requestId().value()).getClass(), existing.getClass());
            assertEquals(originals.get(existing.requestId().value()), existing);
            StateSnapshot.assertUnchanged(before, economy, users);
        }
    }

    @Test
    void retryReturnsTheOriginalReceiptAndChangesNothing() {
        CoinEconomy economy = economy(EconomyPolicy.reference());
        PurchaseReceipt p = economy.purchase(id("p-1"), viewer, "coins-330", US, Channel.APP);
        GiftReceipt g = economy.sendGift(id("g-1"), viewer, creator, "hand-hearts", 3);
        fund(economy, viewer, creator, 20_000, "f");
        WithdrawalReceipt w = economy.withdraw(id("w-1"), creator, Diamonds.of(20_000));
        List<UserId> users = List.of(viewer, creator);
        StateSnapshot before = StateSnapshot.of(economy, users);

        clock.set("2026-11-25T18:00:00Z"); // a retry later the same day keeps the original instant
        assertEquals(p, economy.purchase(id("p-1"), viewer, "coins-330", US));  // APP is the default
        assertEquals(g, economy.sendGift(id("g-1"), viewer, creator, "hand-hearts", 3));
        assertEquals(w, economy.withdraw(id("w-1"), creator, Diamonds.of(20_000)));
        assertEquals(before.journalSize(), economy.journalSize());
        StateSnapshot.assertUnchanged(before, economy, users);

        // a retry returns its receipt even though the same command would now be rejected
        clock.set("2026-11-26T09:00:00Z");
        rejected(RejectionCode.BELOW_MINIMUM_WITHDRAWAL, () -> economy.withdraw(id("w-2"), creator, Diamonds.of(200)));
        assertEquals(w, economy.withdraw(id("w-1"), creator, Diamonds.of(20_000))); // diamonds now too few
        assertInstanceOf(JournalEntry.class, economy.entry(id("g-1")).orElseThrow());
        assertEquals(g, economy.entry(id("g-1")).orElseThrow().receipt());
    }

    @Test
    void aRejectedCommandLeavesItsIdFreeForADifferentCommand() {
        CoinEconomy economy = economy(EconomyPolicy.reference());
        List<UserId> users = List.of(viewer, creator);
        economy.purchase(id("p-1"), viewer, "coins-65", US);
        StateSnapshot before = StateSnapshot.of(economy, users);

        rejected(RejectionCode.INSUFFICIENT_COINS, () -> economy.sendGift(id("x"), viewer, creator, "hand-hearts", 1));
        rejected(RejectionCode.UNKNOWN_PACK, () -> economy.purchase(id("x"), viewer, "coins-1", US));
        rejected(RejectionCode.NOT_SOLD_IN_REGION, () -> economy.purchase(id("x"), viewer, "coins-1050", Region.of("GB")));
        rejected(RejectionCode.SELF_GIFT, () -> economy.sendGift(id("x"), viewer, viewer, "rose", 1));
        rejected(RejectionCode.UNKNOWN_GIFT, () -> economy.sendGift(id("x"), viewer, creator, "no-gift", 1));
        rejected(RejectionCode.INSUFFICIENT_DIAMONDS, () -> economy.withdraw(id("x"), creator, Diamonds.of(20_000)));
        StateSnapshot.assertUnchanged(before, economy, users, id("x"));

        // the same id, now for a different command of each kind in turn
        GiftReceipt gift = economy.sendGift(id("x"), viewer, creator, "finger-heart", 1);
        assertEquals(id("x"), gift.requestId());
        assertEquals(gift, economy.entry(id("x")).orElseThrow().receipt());
        rejected(RejectionCode.REQUEST_CONFLICT, () -> economy.sendGift(id("x"), viewer, creator, "hand-hearts", 1));
        assertEquals(Diamonds.of(5), economy.wallet(creator).diamonds());
        assertEquals(Coins.of(60), economy.wallet(viewer).coins());
    }

    private static List<String> requestIds(List<JournalEntry> entries) {
        return entries.stream().map(e -> e.requestId().value()).toList();
    }

    private static List<Long> sequences(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::sequence).toList();
    }
}
