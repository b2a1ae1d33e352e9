package dev.coineconomy.policy;

import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiamondValueTest {

    @Test
    void usdOnePerTwoHundredDiamondsIsTheReferenceRate() {
        DiamondValue v = DiamondValue.of(Money.of("USD", "1.00"), 200);
        assertEquals(Money.of("USD", "0.01"), v.amount()); // kept in lowest terms
        assertEquals(2, v.diamonds());
        assertEquals(DiamondValue.perDiamond("USD", "0.005"), v);
        assertEquals(DiamondValue.perDiamond("USD", "0.005").hashCode(), v.hashCode());
        assertEquals(PayoutPolicy.REFERENCE.diamondValue(), v);
        assertEquals(Currency.getInstance("USD"), v.currency());
        assertEquals(Ratio.of(1, 2), v.minorUnitsPerDiamond());
        assertEquals(2, v.diamondStep());
        assertEquals(DiamondValue.perDiamond("USD", "0.005").minorUnitsPerDiamond(), v.minorUnitsPerDiamond());
        assertEquals(PayoutPolicy.REFERENCE.diamondValue().minorUnitsPerDiamond(), v.minorUnitsPerDiamond());
        assertTrue(v.isPayable(0));
        assertTrue(v.isPayable(20_000));
        assertFalse(v.isPayable(20_001));
        assertEquals(10_000, v.floorMinorUnits(20_000));
        assertEquals(10_000, v.floorMinorUnits(20_001));
        assertEquals(Money.of("USD", "100.00"), v.floorValue(20_001));
        assertEquals(Money.of("USD", "0.00"), v.floorValue(1));
        assertEquals(Long.MAX_VALUE / 2, v.floorMinorUnits(Long.MAX_VALUE));
        assertEquals("USD 0.01 per 2 diamonds", v.toString());
    }

    @Test
    void otherRates() {
        DiamondValue cent = DiamondValue.perDiamond("USD", "0.01");
        assertEquals(1, cent.diamondStep());
        assertEquals(Money.of("USD", "10.01"), cent.floorValue(1_001));
        DiamondValue third = DiamondValue.of(Money.of("USD", "1.00"), 300);
        assertEquals(Ratio.of(1, 3), third.minorUnitsPerDiamond());
        assertEquals(3, third.diamondStep());
        assertTrue(third.isPayable(30_000));
        assertFalse(third.isPayable(30_001));
        assertEquals(Money.of("USD", "100.00"), third.floorValue(30_002));
        DiamondValue twitchBit = DiamondValue.of(Money.of("USD", "0.01"), 1);
        assertEquals(Ratio.ONE, twitchBit.minorUnitsPerDiamond());
        DiamondValue bigoBeans = DiamondValue.of(Money.of("USD", "1.00"), 210);
        assertEquals(Ratio.of(10, 21), bigoBeans.minorUnitsPerDiamond());
        assertEquals(21, bigoBeans.diamondStep());
        DiamondValue yen = DiamondValue.perDiamond("JPY", "0.5");
        assertEquals(2, yen.diamondStep());
        assertEquals(Money.of("JPY", "50"), yen.floorValue(101));
        DiamondValue dear = DiamondValue.of(Money.of("USD", "100.00"), 1);
        assertThrows(ArithmeticException.class, () -> dear.floorMinorUnits(Long.MAX_VALUE));
        // the same rate written with more digits
        assertEquals(Ratio.of(1, 2), DiamondValue.perDiamond("USD", "0.0050").minorUnitsPerDiamond());
    }

    @Test
    void invalidRates() {
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.of(Money.of("USD", "0.00"), 200));
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.of(Money.of("USD", "-1.00"), 200));
        IllegalArgumentException perZero = assertThrows(IllegalArgumentException.class,
                () -> DiamondValue.of(Money.of("USD", "1.00"), 0));
        assertTrue(perZero.getMessage().contains("diamond"), perZero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.of(Money.of("USD", "1.00"), -200));
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.perDiamond("USD", "abc"));
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.perDiamond("USD", "0"));
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.perDiamond("USD", "-0.005"));
        assertThrows(IllegalArgumentException.class, () -> DiamondValue.perDiamond("XYZ", "0.005"));
    }
}
