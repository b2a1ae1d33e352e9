package dev.coineconomy.policy;

import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EconomyPolicyTest {

    private static final EconomyPolicy REF = EconomyPolicy.reference();

    @Test
    void referenceValues() {
        assertEquals(EconomyPolicy.REFERENCE_VERSION, REF.version());
        assertEquals(Ratio.ONE, REF.conversion().diamondsPerCoin());
        assertSame(ConversionPolicy.REFERENCE, REF.conversion());
        assertSame(PayoutPolicy.REFERENCE, REF.payout());
        DiamondValue value = REF.payout().diamondValue();
        assertEquals(Ratio.of(1, 2), value.minorUnitsPerDiamond());        // USD 0.005 per diamond
        assertEquals(2, value.diamondStep());
        assertEquals(Money.of("USD", "100.00"), value.floorValue(20_000));
        assertEquals("USD", value.currency().getCurrencyCode());
        assertEquals(Money.of("USD", "100.00"), REF.payout().minimum());
        assertEquals(Money.of("USD", "1000.00"), REF.payout().dailyLimit());
        assertEquals(ZoneOffset.UTC, REF.payout().dayZone());
        assertSame(REF, EconomyPolicy.reference());
    }

    @Test
    void withersReturnNewPoliciesAndLeaveTheOriginalUnchanged() {
        EconomyPolicy copy = new EconomyPolicy(REF.version(), REF.conversion(), REF.payout());
        DiamondValue cent = DiamondValue.of(Money.of("USD", "1.00"), 100);
        ZoneId la = ZoneId.of("America/Los_Angeles");

        EconomyPolicy v = REF.withVersion("v2");
        EconomyPolicy r = REF.withDiamondsPerCoin(Ratio.of(1, 2));
        EconomyPolicy d = REF.withDiamondValue(cent);
        EconomyPolicy min = REF.withMinimumWithdrawal(Money.of("USD", "10.00"));
        EconomyPolicy max = REF.withDailyWithdrawalLimit(Money.of("USD", "500.00"));
        EconomyPolicy z = REF.withWithdrawalDayZone(la);

        assertEquals(new EconomyPolicy("v2", REF.conversion(), REF.payout()), v);
        assertEquals(new EconomyPolicy(REF.version(), new ConversionPolicy(Ratio.of(1, 2)), REF.payout()), r);
        assertEquals(new EconomyPolicy(REF.version(), REF.conversion(), new PayoutPolicy(cent,
                REF.payout().minimum(), REF.payout().dailyLimit(), REF.payout().dayZone())), d);
        assertEquals(Money.of("USD", "10.00"), min.payout().minimum());
        assertEquals(REF.payout().withMinimum(Money.of("USD", "10.00")), min.payout());
        assertEquals(Money.of("USD", "500.00"), max.payout().dailyLimit());
        assertEquals(REF.payout().dailyLimit(), min.payout().dailyLimit());
        assertEquals(la, z.payout().dayZone());
        for (EconomyPolicy changed : new EconomyPolicy[] {v, r, d, min, max, z}) {
            assertNotSame(REF, changed);
            assertTrue(!REF.equals(changed), changed::toString);
        }
        assertEquals(copy, REF);
        assertEquals(copy, EconomyPolicy.reference());

        // chained, as in the README
        EconomyPolicy custom = REF.withVersion("creator-share-2026")
                .withDiamondsPerCoin(Ratio.of(1, 2))
                .withDiamondValue(cent)
                .withMinimumWithdrawal(Money.of("USD", "10.00"))
                .withDailyWithdrawalLimit(Money.of("USD", "1000.00"))
                .withWithdrawalDayZone(la);
        assertEquals(new EconomyPolicy("creator-share-2026", new ConversionPolicy(Ratio.of(1, 2)),
                new PayoutPolicy(cent, Money.of("USD", "10.00"), Money.of("USD", "1000.00"), la)), custom);
        assertEquals(copy, REF);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> REF.withVersion(""));
        assertThrows(IllegalArgumentException.class, () -> REF.withVersion(" "));
        assertThrows(IllegalArgumentException.class, () -> REF.withVersion("v".repeat(65)));
        assertEquals("v".repeat(64), REF.withVersion("v".repeat(64)).version());
        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class,
                () -> REF.withMinimumWithdrawal(Money.of("EUR", "100.00")));
        assertTrue(currency.getMessage().contains("EUR"), currency.getMessage());
        assertThrows(IllegalArgumentException.class, () -> REF.withDailyWithdrawalLimit(Money.of("EUR", "100.00")));
        assertThrows(IllegalArgumentException.class,
                () -> REF.withDiamondValue(DiamondValue.of(Money.of("EUR", "1.00"), 200)));
        assertThrows(IllegalArgumentException.class, () -> REF.withMinimumWithdrawal(Money.of("USD", "-0.01")));
        assertThrows(IllegalArgumentException.class, () -> REF.withMinimumWithdrawal(Money.of("USD", "1000.01")));
        assertThrows(IllegalArgumentException.class, () -> REF.withDailyWithdrawalLimit(Money.of("USD", "99.99")));
        assertThrows(IllegalArgumentException.class, () -> REF.withMinimumWithdrawal(Money.of("USD", "0"))
                .withDailyWithdrawalLimit(Money.of("USD", "0")));
        // inclusive bounds: a minimum of zero and a limit equal to the minimum are fine
        assertEquals(Money.zero(REF.payout().diamondValue().currency()),
                REF.withMinimumWithdrawal(Money.of("USD", "0")).payout().minimum());
        assertEquals(Money.of("USD", "100.00"),
                REF.withDailyWithdrawalLimit(Money.of("USD", "100.00")).payout().dailyLimit());
        // the currency changes with a whole payout policy
        PayoutPolicy eur = new PayoutPolicy(DiamondValue.of(Money.of("EUR", "1.00"), 200),
                Money.of("EUR", "50.00"), Money.of("EUR", "500.00"), ZoneId.of("Europe/Paris"));
        assertEquals(eur, REF.withPayout(eur).payout());
    }

    @Test
    void conversionWithExactCarry() {
        ConversionPolicy half = new ConversionPolicy(Ratio.of(1, 2));
        assertEquals(0, half.diamondsFor(0, 1));
        assertEquals(1, half.diamondsFor(1, 1));
        assertEquals(0, half.diamondsFor(2, 1));
        assertEquals(1, half.diamondsFor(3, 1));
        assertEquals(2, half.diamondsFor(3, 4));   // floor(7/2) - floor(3/2)
        ConversionPolicy sevenTenths = new ConversionPolicy(Ratio.of(7, 10));
        long total = 0;
        long credited = 0;
        for (long gift : new long[] {1, 1, 3, 5, 10, 99, 1, 29_999}) {
            credited += sevenTenths.diamondsFor(total, gift);
            total += gift;
        }
        assertEquals(total * 7 / 10, credited);
        assertEquals(Long.MAX_VALUE, ConversionPolicy.REFERENCE.maxCoinsReceived());
        assertEquals(Long.MAX_VALUE, half.maxCoinsReceived());
        assertEquals(Long.MAX_VALUE / 3 * 2 + (Long.MAX_VALUE % 3) * 2 / 3,
                new ConversionPolicy(Ratio.of(3, 2)).maxCoinsReceived());
        assertEquals(Long.MAX_VALUE / 2, new ConversionPolicy(Ratio.of(2, 1)).maxCoinsReceived());
        assertThrows(IllegalArgumentException.class, () -> half.diamondsFor(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> half.diamondsFor(1, -1));
        assertThrows(ArithmeticException.class, () -> half.diamondsFor(Long.MAX_VALUE, 1));
    }
}
