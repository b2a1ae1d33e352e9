package dev.coineconomy.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void amountsAreHeldAtTheCurrencyScale() {
        Money hundred = Money.of("USD", "100");
        assertEquals(Money.of("USD", "100.00"), hundred);
        assertEquals(Money.of("USD", "100.00").hashCode(), hundred.hashCode());
        assertEquals(new BigDecimal("100.00"), hundred.amount());
        assertEquals(2, hundred.amount().scale());
        assertEquals(USD, hundred.currency());
        assertEquals(Money.of("USD", "4.9"), Money.of(USD, new BigDecimal("4.90")));
        assertEquals(Money.of("USD", "4.99"), Money.of(USD, new BigDecimal("4.99")));
        assertEquals(Money.of("USD", "0"), Money.zero(USD));
        assertEquals(Money.of("USD", "-0.00"), Money.zero(USD));
        // trailing zeros past the scale lose nothing, so they are normalised (nothing is rounded)
        assertEquals(Money.of("USD", "100.00"), Money.of("USD", "100.000"));
        assertEquals(Money.of("USD", "12.34"), Money.of(USD, new BigDecimal("1234E-2")));
        assertEquals(Money.of("USD", "1200.00"), Money.of(USD, new BigDecimal("1.2E+3")));
    }

    @Test
    void yenHasScaleZeroAndDinarThree() {
        Money yen = Money.of("JPY", "100");
        assertEquals(0, yen.amount().scale());
        assertEquals(new BigDecimal("100"), yen.amount());
        assertEquals(100, yen.toMinorUnits());
        assertEquals(yen, Money.ofMinor(JPY, 100));
        assertEquals("JPY 100", yen.toString());
        Money dinar = Money.of("KWD", "1.5");
        assertEquals(3, dinar.amount().scale());
        assertEquals(1500, dinar.toMinorUnits());
        assertEquals("KWD 1.500", dinar.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"USD, 1.005", "USD, 0.001", "USD, 99.999", "JPY, 1.5", "JPY, 0.1", "KWD, 1.0005", "USD, -0.005"})
    void tooManyDecimalsIsRejectedNeverRounded(String code, String amount) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of(code, amount));
        assertTrue(e.getMessage().contains(amount), e.getMessage());
        assertTrue(e.getMessage().contains(code), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of(Currency.getInstance(code), new BigDecimal(amount)));
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("USD", "4.99");
        Money b = Money.of("USD", "0.74");
        assertEquals(Money.of("USD", "5.73"), a.plus(b));
        assertEquals(Money.of("USD", "4.25"), a.minus(b));
        assertEquals(Money.of("USD", "-4.25"), b.minus(a));
        assertEquals(Money.of("USD", "-4.99"), a.negated());
        assertEquals(Money.of("USD", "279.98"), Money.of("USD", "139.99").multipliedBy(2));
        assertEquals(Money.of("USD", "0.00"), a.multipliedBy(0));
        Money cent = Money.ofMinor("USD", 1);
        Money sum = Money.zero(USD);
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(cent);
        }
        assertEquals(Money.of("USD", "10.00"), sum);
        assertEquals(Money.of("USD", "-0.01"), Money.ofMinor(USD, -1));
        assertEquals(Money.of("USD", "92233720368547758.07"), Money.ofMinor(USD, Long.MAX_VALUE));
        Money huge = Money.ofMinor(USD, Long.MAX_VALUE).plus(cent);
        assertThrows(ArithmeticException.class, huge::toMinorUnits);
        assertEquals(new BigDecimal("92233720368547758.08"), huge.amount());
    }

    @Test
    void comparisonsAndSigns() {
        Money a = Money.of("USD", "100.00");
        Money b = Money.of("USD", "99.99");
        assertTrue(a.isGreaterThan(b));
        assertTrue(b.isLessThan(a));
        assertFalse(a.isLessThan(Money.of("USD", "100")));
        assertEquals(0, a.compareTo(Money.of("USD", "100")));
        assertTrue(a.isPositive());
        assertFalse(a.isNegative());
        assertTrue(a.negated().isNegative());
        assertTrue(Money.zero(USD).isZero());
        assertFalse(Money.zero(USD).isPositive());
    }

    @Test
    void currencyMismatchIsAnIllegalArgument() {
        Money usd = Money.of("USD", "1.00");
        Money eur = Money.of("EUR", "1.00");
        assertNotEquals(usd, eur);
        for (var op : new org.junit.jupiter.api.function.Executable[] {
            () -> usd.plus(eur), () -> usd.minus(eur), () -> usd.compareTo(eur),
            () -> usd.isLessThan(eur), () -> usd.isGreaterThan(eur)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op);
            assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("EUR"), e.getMessage());
        }
    }

    @Test
    void parseIsTheInverseOfToString() {
        for (String text : new String[] {"USD 4.99", "USD -0.01", "JPY 100", "GBP 0.89", "KWD 1.250", "USD 0.00"}) {
            Money m = Money.parse(text);
            assertEquals(text, m.toString());
            assertEquals(m, Money.parse(m.toString()));
        }
        assertEquals(Money.of("USD", "100.00"), Money.parse("USD 100"));
        for (String bad : new String[] {"USD4.99", "USD  4.99", "4.99 USD", "USD", "USD ", "usd 4.99", "XYZ 1.00",
            "USD 1.005", "USD 1e3", "US 4.99"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.parse(bad), bad);
        }
    }

    @Test
    void currencyLookup() {
        assertEquals(USD, Money.currency("USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.currency("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.currency("XXX")); // no decimal scale
        assertThrows(IllegalArgumentException.class, () -> Money.of(Currency.getInstance("XAU"), BigDecimal.ONE));
    }
}
