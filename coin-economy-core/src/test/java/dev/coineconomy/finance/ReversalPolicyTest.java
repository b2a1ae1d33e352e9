package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.Lots;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refund, chargeback and hold decisions, by hand. */
class ReversalPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void unusedPurchaseIsRefundedExactlyWithinTheWindowInclusive() {
        Lot lot = LotsTest.gbp70();
        RefundDecision d = RefundPolicy.REFERENCE.decide(lot, T0, T0.plus(Duration.ofDays(14)));
        assertEquals(70, d.coinsRemoved());
        assertEquals(lot.sale(), d.refund()); // GBP 0.99 = fee 0.25 + tax 0.16 + net 0.58, all returned
        assertEquals(0, d.lotAfter().coinsRemaining());
        assertEquals(0, d.lotAfter().netRemaining());
        assertEquals(RequestId.of("p-gbp"), d.purchase());
    }

    @Test
    void closedWindowIsRejectedWithItsValues() {
        Instant late = T0.plus(Duration.ofDays(14)).plusNanos(1);
        EconomyException e = assertThrows(EconomyException.class,
                () -> RefundPolicy.REFERENCE.decide(LotsTest.gbp70(), T0, late));
        assertEquals(RejectionCode.REFUND_WINDOW_CLOSED, e.code());
        assertTrue(e.getMessage().startsWith("REFUND_WINDOW_CLOSED: "), e.getMessage());
        assertEquals(Map.of("purchase", RequestId.of("p-gbp"), "deadline", T0.plus(Duration.ofDays(14)), "now", late), e.values());
    }

    @Test
    void usedCoinsBlockTheReferenceRefundButNotProRata() {
        Lot used = Lots.consume(List.of(LotsTest.gbp70()), 35).lots().get(0);
        EconomyException e = assertThrows(EconomyException.class, () -> RefundPolicy.REFERENCE.decide(used, T0, T0));
        assertEquals(RejectionCode.COINS_ALREADY_USED, e.code());
        assertEquals(Map.of("purchase", RequestId.of("p-gbp"), "used", Coins.of(35)), e.values());

        RefundPolicy proRata = RefundPolicy.REFERENCE.withMode(RefundPolicy.Mode.PRO_RATA_UNUSED);
        RefundDecision d = proRata.decide(used, T0, T0.plusSeconds(60));
        assertEquals(35, d.coinsRemoved());
        // keep floor(25/2)=12 fee, floor(16/2)=8 tax, floor(58/2)=29 net; return 13 + 8 + 29 = 0.50
        assertEquals(SaleSplit.ofMinor(Money.currency("GBP"), 50, 13, 8), d.refund());
        assertEquals(used.netRemaining(), d.refund().net().toMinorUnits());

        Lot spent = Lots.consume(List.of(LotsTest.gbp70()), 70).lots().get(0);
        EconomyException all = assertThrows(EconomyException.class, () -> proRata.decide(spent, T0, T0));
        assertEquals(RejectionCode.COINS_ALREADY_USED, all.code());
        // the window is checked first
        assertEquals(RejectionCode.REFUND_WINDOW_CLOSED, assertThrows(EconomyException.class,
                () -> RefundPolicy.REFERENCE.decide(used, T0, T0.plus(Duration.ofDays(15)))).code());
    }

    @Test
    void promotionalLotsAreNeitherRefundedNorChargedBack() {
        Lot promo = Lot.promotional(RequestId.of("g"), 10);
        assertThrows(IllegalArgumentException.class, () -> RefundPolicy.REFERENCE.decide(promo, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> ChargebackPolicy.REFERENCE.decide(promo, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RefundPolicy(Duration.ofDays(-1), RefundPolicy.Mode.UNUSED_ONLY));
    }

    @Test
    void negativeBalanceChargebackRecoversFromOtherLotsAndLeavesTheRestAsDebt() {
        // lot A: 70 coins, USD net 69; 50 spent -> recognized floor(69 x 50/70) = 49, deferred 20
        Lot a = Lots.consume(List.of(LotsTest.usd70()), 50).lots().get(0);
        // other lots: 30 coins GBP (net 58 for 70 coins -> the first 30 coins' share), then 100 promo
        Lot b = Lot.purchased(RequestId.of("p-b"), 70, LotsTest.gbp70().sale());
        Lot promo = Lot.promotional(RequestId.of("g"), 10);
        Lot bPartly = b.take(40); // 30 left, 40 used: floor(58 x 40/70) = 33 recognized, 25 deferred
        ChargebackDecision d = ChargebackPolicy.REFERENCE.decide(a, List.of(bPartly, promo));
        assertEquals(ChargebackPolicy.Mode.NEGATIVE_BALANCE, d.mode());
        assertEquals(70, d.coinsRemoved());
        assertEquals(a.sale(), d.reversed());
        assertEquals(20, d.deferredReversed());
        assertEquals(49, d.recognizedLost());
        assertEquals(50, d.coinsSpent());
        // recover 50: 30 from B (its whole deferred 25 pence) and 10 from promo (0), debt 10 coins
        assertEquals(40, d.coinsRecovered());
        assertEquals(Map.of(Money.currency("GBP"), 25L), d.recovered());
        assertEquals(10, d.debtCoins());
        assertEquals(0, d.lotAfter().coinsRemaining());
        assertEquals(List.of(0L, 0L), d.otherLotsAfter().stream().map(Lot::coinsRemaining).toList());
        assertThrows(IllegalArgumentException.class, () -> ChargebackPolicy.REFERENCE.decide(a, List.of(a)));
    }

    @Test
    void clawbackChargebackTakesOnlyUnspentCoinsAndClawsWhatCreatorsStillHold() {
        Lot a = Lots.consume(List.of(LotsTest.usd70()), 50).lots().get(0);
        ChargebackDecision d = new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK).decide(a, List.of());
        assertEquals(20, d.coinsRemoved());
        assertEquals(0, d.debtCoins());
        assertEquals(49, d.recognizedLost());
        assertEquals(20, d.deferredReversed());
        List<ChargebackPolicy.Clawback> out = ChargebackPolicy.clawBack(List.of(
                new ChargebackPolicy.Claim(UserId.of("c1"), 30, 100),
                new ChargebackPolicy.Claim(UserId.of("c2"), 20, 5)));
        assertEquals(List.of(new ChargebackPolicy.Clawback(UserId.of("c1"), 30, 0),
                new ChargebackPolicy.Clawback(UserId.of("c2"), 5, 15)), out);
    }

    @Test
    void holdReleasesAfterThePeriod() {
        assertFalse(HoldPolicy.REFERENCE.holds());
        assertTrue(HoldPolicy.REFERENCE.isReleased(T0, T0));
        HoldPolicy week = new HoldPolicy(Duration.ofDays(7));
        assertTrue(week.holds());
        assertEquals(T0.plus(Duration.ofDays(7)), week.releaseAt(T0));
        assertFalse(week.isReleased(T0, T0.plus(Duration.ofDays(7)).minusNanos(1)));
        assertTrue(week.isReleased(T0, T0.plus(Duration.ofDays(7))));
        assertThrows(IllegalArgumentException.class, () -> new HoldPolicy(Duration.ofSeconds(-1)));
    }

    @Test
    void financePolicyBundlesTheReferenceAndItsWithersReplaceOneComponent() {
        FinancePolicy p = FinancePolicy.REFERENCE;
        assertEquals(LotsTest.gbp70().sale(), p.split(Money.parse("GBP 0.99"), Channel.APP, Region.of("GB")));
        FinancePolicy q = p.withHold(new HoldPolicy(Duration.ofDays(1)))
                .withChargebacks(new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK))
                .withRefunds(RefundPolicy.REFERENCE.withWindow(Duration.ofDays(30)))
                .withFees(StoreFeePolicy.REFERENCE.withRate(Channel.APP, dev.coineconomy.money.Ratio.of(15, 100)))
                .withTaxes(TaxPolicy.REFERENCE.withDefaultRule(TaxRule.included(dev.coineconomy.money.Ratio.of(1, 10))));
        assertEquals(Duration.ofDays(1), q.hold().hold());
        assertEquals(ChargebackPolicy.Mode.CLAWBACK, q.chargebacks().mode());
        assertEquals(Duration.ofDays(30), q.refunds().window());
        assertEquals(RefundPolicy.Mode.UNUSED_ONLY, q.refunds().mode());
        // FR now includes 10%: tax = 110/11 = 10, fee = 100 x 15% = 15, net 85
        assertEquals(SaleSplit.ofMinor(Money.currency("EUR"), 110, 15, 10),
                q.split(Money.parse("EUR 1.10"), Channel.APP, Region.of("FR")));
        assertEquals(ChargebackPolicy.Mode.NEGATIVE_BALANCE, p.chargebacks().mode());
        assertThrows(NullPointerException.class, () -> p.withHold(null));
    }
}
