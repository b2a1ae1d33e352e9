package dev.coineconomy.internal;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Exact integer arithmetic of the finance rules: {@code x × num / den} rounded down or half-even,
 * without overflow in the intermediate product. Pure and stateless.
 */
public final class Exact {

    private Exact() {
    }

    /**
     * {@code floor(x × num / den)} for non-negative {@code x}, {@code num} and positive {@code den}.
     *
     * @param x   a non-negative value
     * @param num a non-negative numerator
     * @param den a positive denominator
     * @return the exact floor
     * @throws IllegalArgumentException if an argument is out of range
     * @throws ArithmeticException      if the result does not fit in a {@code long}
     */
    public static long floor(long x, long num, long den) {
        check(x, num, den);
        long hi = Math.multiplyHigh(x, num);
        long lo = x * num;
        if (hi == 0 && lo >= 0) {
            return lo / den;
        }
        return BigInteger.valueOf(x).multiply(BigInteger.valueOf(num))
                .divide(BigInteger.valueOf(den)).longValueExact();
    }

    /**
     * {@code x × num / den} rounded to the nearest whole number, ties to the even neighbour.
     *
     * @param x   a non-negative value
     * @param num a non-negative numerator
     * @param den a positive denominator
     * @return the rounded quotient
     * @throws IllegalArgumentException if an argument is out of range
     * @throws ArithmeticException      if the result does not fit in a {@code long}
     */
    public static long halfEven(long x, long num, long den) {
        check(x, num, den);
        return new BigDecimal(BigInteger.valueOf(x).multiply(BigInteger.valueOf(num)))
                .divide(new BigDecimal(den), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static void check(long x, long num, long den) {
        if (x < 0 || num < 0 || den <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need x >= 0, num >= 0, den > 0: %d, %d, %d", x, num, den));
        }
    }
}
