package dev.coineconomy.money;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioTest {

    private static final long MAX = Long.MAX_VALUE;

    @Test
    void keptInLowestTerms() {
        assertEquals(new Ratio(1, 2), Ratio.of(2, 4));
        assertEquals(1, Ratio.of(2, 4).numerator());
        assertEquals(2, Ratio.of(2, 4).denominator());
        assertEquals(Ratio.of(1, 2).hashCode(), Ratio.of(50, 100).hashCode());
        assertEquals(Ratio.ONE, Ratio.of(7, 7));
        assertEquals(Ratio.ONE, Ratio.of(MAX, MAX));
        assertEquals(Ratio.of(0, 1), Ratio.of(0, 12345));
        assertTrue(Ratio.of(0, 9).isZero());
        assertEquals(Ratio.of(7, 10), Ratio.of(70, 100));
        assertEquals(Ratio.of(2, 3), Ratio.of(MAX / 7 * 2 / 2 * 2, MAX / 7 * 3));
        assertNotEquals(Ratio.of(1, 2), Ratio.of(1, 3));
        assertEquals("7/10", Ratio.of(14, 20).toString());
    }

    @Test
    void invalidRatios() {
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, -2));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(Long.MIN_VALUE, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, 0));
        assertTrue(e.getMessage().contains("denominator"), e.getMessage());
    }

    @Test
    void parse() {
        assertEquals(Ratio.of(1, 2), Ratio.parse("2/4"));
        assertEquals(Ratio.of(1, 2), Ratio.parse(" 1 / 2 "));
        assertEquals(Ratio.of(3, 1), Ratio.parse("3"));
        assertEquals(Ratio.of(7, 10), Ratio.parse(Ratio.of(7, 10).toString()));
        for (String bad : new String[] {"", "a/b", "1.5", "1/", "/2", "1/2/3", "1/0", "-1/2"}) {
            assertThrows(IllegalArgumentException.class, () -> Ratio.parse(bad), bad);
        }
    }

    @Test
    void floorMultiplyIsExact() {
        assertEquals(0, Ratio.of(1, 2).floorMultiply(1));
        assertEquals(1, Ratio.of(1, 2).floorMultiply(2));
        assertEquals(1, Ratio.of(1, 2).floorMultiply(3));
        assertEquals(4, Ratio.of(2, 3).floorMultiply(7));
        assertEquals(4, Ratio.of(7, 10).floorMultiply(7));
        assertEquals(0, Ratio.of(0, 1).floorMultiply(MAX));
        assertEquals(MAX, Ratio.ONE.floorMultiply(MAX));
        assertEquals(0, Ratio.of(1, MAX).floorMultiply(MAX - 1));
        assertEquals(1, Ratio.of(1, MAX).floorMultiply(MAX));
        assertEquals(MAX / 2, Ratio.of(1, 2).floorMultiply(MAX));
        assertEquals(MAX / 3 * 2 + (MAX % 3) * 2 / 3, Ratio.of(2, 3).floorMultiply(MAX));
        assertEquals(MAX - 1, Ratio.of(MAX - 1, MAX).floorMultiply(MAX));
        assertEquals(MAX - 2, Ratio.of(MAX - 1, MAX).floorMultiply(MAX - 1));
        assertThrows(ArithmeticException.class, () -> Ratio.of(3, 2).floorMultiply(MAX));
        assertThrows(ArithmeticException.class, () -> Ratio.of(2, 1).floorMultiply(MAX / 2 + 1));
        assertEquals(MAX - 1, Ratio.of(2, 1).floorMultiply(MAX / 2));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, 2).floorMultiply(-1));
    }

    @Test
    void floorMultiplyAgreesWithBigIntegerNearTheLimits() {
        long[] xs = {0, 1, 2, 3, 999, 1L << 31, (1L << 32) + 1, 1L << 62, MAX / 3, MAX / 2, MAX / 2 + 1,
            MAX - 2, MAX - 1, MAX};
        long[][] ratios = {{1, 1}, {1, 2}, {2, 3}, {7, 10}, {1, 3}, {MAX - 1, MAX}, {1, MAX}, {MAX / 2, MAX},
            {999_999_937, 1_000_000_007}, {(1L << 40) + 1, (1L << 41) + 3}, {3, 2}, {MAX, 1}, {MAX, MAX - 1}};
        int checked = 0;
        for (long[] nd : ratios) {
            Ratio r = Ratio.of(nd[0], nd[1]);
            for (long x : xs) {
                BigInteger exact = BigInteger.valueOf(x).multiply(BigInteger.valueOf(r.numerator()))
                        .divide(BigInteger.valueOf(r.denominator()));
                if (exact.bitLength() < 64) {
                    assertEquals(exact.longValueExact(), r.floorMultiply(x), r + " x " + x);
                    checked++;
                } else {
                    assertThrows(ArithmeticException.class, () -> r.floorMultiply(x), r + " x " + x);
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void wholeMultiplesAndOrder() {
        assertTrue(Ratio.of(1, 2).isWholeMultiple(4));
        assertFalse(Ratio.of(1, 2).isWholeMultiple(3));
        assertTrue(Ratio.of(7, 10).isWholeMultiple(0));
        assertTrue(Ratio.ONE.isWholeMultiple(MAX));
        assertTrue(Ratio.of(1, 3).compareTo(Ratio.of(1, 2)) < 0);
        assertTrue(Ratio.of(MAX - 1, MAX).compareTo(Ratio.of(MAX - 2, MAX - 1)) > 0);
        assertEquals(0, Ratio.of(2, 4).compareTo(Ratio.of(1, 2)));
    }
}
