package dev.coineconomy;

import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.ledger.AuditFinding;
import dev.coineconomy.ledger.PayoutState;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.store.LedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.coineconomy.FinanceWorkedExampleTest.ALICE;
import static dev.coineconomy.FinanceWorkedExampleTest.BOB;
import static dev.coineconomy.FinanceWorkedExampleTest.CAROL;
import static dev.coineconomy.FinanceWorkedExampleTest.DAVE;
import static dev.coineconomy.FinanceWorkedExampleTest.US;
import static dev.coineconomy.FinanceWorkedExampleTest.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to the issue-3 commands: each is rejected with its specific code (or NPE/IAE for bad
 * arguments) and changes nothing observable: wallets, statements, journal, trial balance, remaining
 * withdrawal, and the request id stays free. Also: retries, conflicts, and an audit that finds a store
 * corrupted behind the economy's back.
 */
class FinanceBadInputTest {

    static final List<UserId> USERS = List.of(ALICE, BOB, CAROL, DAVE);

    MutableClock clock;
    LedgerStore store;
    CoinEconomy e;

    @BeforeEach
    void history() {
        clock = new MutableClock("2026-11-25T10:00:00Z");
        store = LedgerStore.inMemory();
        e = FinanceWorkedExampleTest.economy(FinanceWorkedExampleTest.policy(), clock, store);
        e.purchase(id("p-alice"), ALICE, "coins-70", US);
        e.purchase(id("p-bob"), BOB, "coins-70", US);
        e.purchase(id("p-dave"), DAVE, "coins-70", US);
        e.grant(id("grant"), ALICE, Coins.of(5), "promo");
        e.sendGift(id("g-alice"), ALICE, CAROL, "g-50", 1);
        e.withdraw(id("w-1"), CAROL, Diamonds.of(20));
        e.withdraw(id("w-2"), CAROL, Diamonds.of(20));
        e.settleWithdrawal(id("s-1"), id("w-1"));
        e.failWithdrawal(id("f-2"), id("w-2"), "bank said no");
        e.refundPurchase(id("r-bob"), id("p-bob"));
        e.sendGift(id("g-dave"), DAVE, CAROL, "g-1", 1);
        e.chargeback(id("cb-dave"), id("p-dave")); // dave owes 1 coin
    }

    private EconomyException rejected(RejectionCode code, String newId, Executable command) {
        StateSnapshot before = StateSnapshot.of(e, USERS);
        EconomyException ex = assertThrows(EconomyException.class, command);
        assertEquals(code, ex.code(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith(code.name()), ex.getMessage());
        StateSnapshot.assertUnchanged(before, e, USERS, id(newId));
        return ex;
    }

    private <X extends Throwable> void badArgument(Class<X> type, String newId, Executable command) {
        StateSnapshot before = StateSnapshot.of(e, USERS);
        assertThrows(type, command);
        StateSnapshot.assertUnchanged(before, e, USERS, id(newId));
    }

    @Test
    void refunds() {
        assertEquals(id("nope"), rejected(RejectionCode.UNKNOWN_REFERENCE, "r",
                () -> e.refundPurchase(id("r"), id("nope"))).value("reference"));
        // a request id that is not a purchase (a gift, a grant, a withdrawal) is not a reference either
        rejected(RejectionCode.UNKNOWN_REFERENCE, "r", () -> e.refundPurchase(id("r"), id("g-alice")));
        rejected(RejectionCode.UNKNOWN_REFERENCE, "r", () -> e.refundPurchase(id("r"), id("grant")));
        rejected(RejectionCode.UNKNOWN_REFERENCE, "r", () -> e.refundPurchase(id("r"), id("w-1")));
        rejected(RejectionCode.ALREADY_REVERSED, "r", () -> e.refundPurchase(id("r"), id("p-bob")));
        rejected(RejectionCode.ALREADY_REVERSED, "r", () -> e.refundPurchase(id("r"), id("p-dave")));
        EconomyException used = rejected(RejectionCode.COINS_ALREADY_USED, "r",
                () -> e.refundPurchase(id("r"), id("p-alice")));
        assertEquals(Coins.of(50), used.value("used"));
        e.purchase(id("p-alice-2"), ALICE, "coins-70", US);
        clock.advance(Duration.ofDays(14).plusNanos(1));
        EconomyException late = rejected(RejectionCode.REFUND_WINDOW_CLOSED, "r",
                () -> e.refundPurchase(id("r"), id("p-alice-2")));
        assertEquals(Instant.parse("2026-12-09T10:00:00Z"), late.value("deadline"));
        clock.advance(Duration.ofNanos(-1)); // the window is inclusive
        RefundReceipt ok = e.refundPurchase(id("r"), id("p-alice-2"));
        assertSame(ok.getClass(), e.refundPurchase(id("r"), id("p-alice-2")).getClass());
        assertEquals(ok, e.refundPurchase(id("r"), id("p-alice-2")), "a retry returns the receipt");
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.refundPurchase(id("r"), id("p-alice")));
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.chargeback(id("r"), id("p-alice-2")));
        badArgument(NullPointerException.class, "x", () -> e.refundPurchase(id("x"), null));
        badArgument(NullPointerException.class, "x", () -> e.refundPurchase(null, id("p-alice")));
    }

    @Test
    void chargebacks() {
        rejected(RejectionCode.UNKNOWN_REFERENCE, "c", () -> e.chargeback(id("c"), id("nope")));
        rejected(RejectionCode.UNKNOWN_REFERENCE, "c", () -> e.chargeback(id("c"), id("s-1")));
        rejected(RejectionCode.ALREADY_REVERSED, "c", () -> e.chargeback(id("c"), id("p-bob"))); // refunded
        rejected(RejectionCode.ALREADY_REVERSED, "c", () -> e.chargeback(id("c"), id("p-dave"))); // twice
        ChargebackReceipt first = (ChargebackReceipt) e.entry(id("cb-dave")).orElseThrow().receipt();
        assertEquals(first, e.chargeback(id("cb-dave"), id("p-dave")), "a retry returns the receipt");
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.chargeback(id("cb-dave"), id("p-alice")));
        // dave owes a coin: restricted from gifting and withdrawing
        EconomyException gift = rejected(RejectionCode.ACCOUNT_RESTRICTED, "g",
                () -> e.sendGift(id("g"), DAVE, CAROL, "g-1", 1));
        assertEquals(Coins.of(1), gift.value("owed"));
        rejected(RejectionCode.ACCOUNT_RESTRICTED, "w", () -> e.withdraw(id("w"), DAVE, Diamonds.of(2)));
        // a chargeback is accepted even after the refund window and with coins used
        clock.advance(Duration.ofDays(400));
        assertEquals(Coins.of(70), e.chargeback(id("cb-alice"), id("p-alice")).coinsRemoved());
    }

    @Test
    void payouts() {
        rejected(RejectionCode.UNKNOWN_REFERENCE, "s", () -> e.settleWithdrawal(id("s"), id("nope")));
        rejected(RejectionCode.UNKNOWN_REFERENCE, "s", () -> e.settleWithdrawal(id("s"), id("p-alice")));
        EconomyException failed = rejected(RejectionCode.PAYOUT_NOT_PENDING, "s",
                () -> e.settleWithdrawal(id("s"), id("w-2")));
        assertEquals(PayoutState.FAILED, failed.value("state"));
        rejected(RejectionCode.PAYOUT_NOT_PENDING, "s", () -> e.settleWithdrawal(id("s"), id("w-1")));
        rejected(RejectionCode.PAYOUT_NOT_PENDING, "f", () -> e.failWithdrawal(id("f"), id("w-1"), "late"));
        rejected(RejectionCode.PAYOUT_NOT_PENDING, "f", () -> e.failWithdrawal(id("f"), id("w-2"), "again"));
        rejected(RejectionCode.UNKNOWN_REFERENCE, "f", () -> e.failWithdrawal(id("f"), id("cb-dave"), "x"));
        // retries and conflicts
        PayoutSettledReceipt s1 = (PayoutSettledReceipt) e.entry(id("s-1")).orElseThrow().receipt();
        assertEquals(s1, e.settleWithdrawal(id("s-1"), id("w-1")));
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.failWithdrawal(id("s-1"), id("w-1"), "x"));
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.failWithdrawal(id("f-2"), id("w-2"), "other reason"));
        badArgument(IllegalArgumentException.class, "f", () -> e.failWithdrawal(id("f"), id("w-1"), ""));
        badArgument(IllegalArgumentException.class, "f", () -> e.failWithdrawal(id("f"), id("w-1"), "x".repeat(201)));
        badArgument(NullPointerException.class, "f", () -> e.failWithdrawal(id("f"), id("w-1"), null));
        badArgument(NullPointerException.class, "s", () -> e.settleWithdrawal(id("s"), null));
        assertTrue(e.payout(id("nope")).isEmpty());
        assertTrue(e.payout(id("p-alice")).isEmpty());
        assertEquals(PayoutState.PAID, e.payout(id("w-1")).orElseThrow().state());
    }

    @Test
    void grants() {
        badArgument(IllegalArgumentException.class, "gr", () -> e.grant(id("gr"), ALICE, Coins.zero(), "x"));
        badArgument(IllegalArgumentException.class, "gr", () -> e.grant(id("gr"), ALICE, Coins.of(1), ""));
        badArgument(NullPointerException.class, "gr", () -> e.grant(id("gr"), null, Coins.of(1), "x"));
        badArgument(NullPointerException.class, "gr", () -> e.grant(id("gr"), ALICE, Coins.of(1), null));
        GrantReceipt g = (GrantReceipt) e.entry(id("grant")).orElseThrow().receipt();
        assertEquals(g, e.grant(id("grant"), ALICE, Coins.of(5), "promo"));
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.grant(id("grant"), ALICE, Coins.of(5), "other"));
        rejected(RejectionCode.REQUEST_CONFLICT, "unused", () -> e.grant(id("p-alice"), ALICE, Coins.of(5), "promo"));
        // a grant repays dave's coin owed: no money, dave is no longer restricted
        e.grant(id("grant-dave"), DAVE, Coins.of(3), "goodwill");
        assertEquals(Coins.of(2), e.wallet(DAVE).coins());
        e.sendGift(id("g-dave-2"), DAVE, CAROL, "g-1", 1);
        assertEquals(List.of(), e.audit());
    }

    @Test
    void auditIsCleanOnAHealthyLedgerAndFindsACorruptedOne() {
        assertEquals(List.of(), e.audit());
        // corrupt the cached wallet behind the economy's back: 7 coins that no posting explains
        store.transact(tx -> {
            tx.lockUser(ALICE);
            tx.addCoins(ALICE, 7);
            return null;
        });
        List<AuditFinding> findings = e.audit();
        Set<String> codes = new TreeSet<>();
        findings.forEach(f -> codes.add(f.code()));
        assertEquals(Set.of("WALLET_MISMATCH"), codes, findings.toString());
        AuditFinding wallet = findings.get(0);
        assertEquals(ALICE, wallet.values().get("user"));
        assertEquals(7L + (long) wallet.values().get("coins"), wallet.values().get("cachedCoins"));
        // and a counter out of step with the journal: diamonds in payout
        store.transact(tx -> {
            tx.lockUser(CAROL);
            tx.addCounter(CAROL, "payout", 4);
            return null;
        });
        codes.clear();
        e.audit().forEach(f -> codes.add(f.code()));
        assertEquals(Set.of("WALLET_MISMATCH", "IN_PAYOUT_MISMATCH"), codes);
        assertNotEquals(List.of(), e.audit());
    }

    @Test
    void clawbackModeChargebackOfARefundedPurchaseIsStillAlreadyReversed() {
        EconomyPolicy policy = FinanceWorkedExampleTest.policy().withFinance(FinanceWorkedExampleTest.policy().finance()
                .withChargebacks(new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK)));
        e = FinanceWorkedExampleTest.economy(policy, clock, store); // same store, other policy
        rejected(RejectionCode.ALREADY_REVERSED, "c", () -> e.chargeback(id("c"), id("p-bob")));
        assertEquals(List.of(), e.audit());
    }
}
