package dev.coineconomy.money;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An exact non-negative rational number {@code numerator / denominator}, kept in lowest terms.
 *
 * <p>Used for conversion rates such as diamonds per coin. {@code Ratio.of(2, 4)} equals
 * {@code Ratio.of(1, 2)}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param numerator   the numerator, not negative
 * @param denominator the denominator, positive
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {

    private static final java.util.regex.Pattern FORM =
            java.util.regex.Pattern.compile("\\s*[+-]?[0-9]+\\s*(/\\s*[+-]?[0-9]+\\s*)?");

    /** The ratio 1/1. */
    public static final Ratio ONE = new Ratio(1, 1);

    /**
     * Validates and reduces to lowest terms.
     *
     * @param numerator   the numerator, not negative
     * @param denominator the denominator, positive
     * @throws IllegalArgumentException if the numerator is negative or the denominator not positive
     */
    public Ratio {
        if (numerator < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ratio numerator must not be negative: %d", numerator));
        }
        if (denominator <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ratio denominator must be positive: %d", denominator));
        }
        long gcd = gcd(numerator, denominator);
        if (gcd > 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
    }

    /**
     * The ratio {@code numerator / denominator}.
     *
     * @param numerator   not negative
     * @param denominator positive
     * @return the reduced ratio
     */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    /**
     * Parses {@code "n/d"} or a whole number {@code "n"}, in ASCII digits; whitespace around the numbers
     * is ignored.
     *
     * @param text the text
     * @return the ratio
     * @throws IllegalArgumentException if the text is malformed
     */
    public static Ratio parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        if (!FORM.matcher(text).matches()) {
            // Long.parseLong alone would also accept digits of other scripts (e.g. Arabic-Indic)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ratio '%s' is not of the form n/d (ASCII digits)", text));
        }
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return of(Long.parseLong(text.trim()), 1);
            }
            return of(Long.parseLong(text.substring(0, slash).trim()),
                    Long.parseLong(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ratio '%s' is not of the form n/d", text), e);
        }
    }

    /**
     * {@code floor(x × this)}, computed exactly.
     *
     * @param x a non-negative value
     * @return the floor of the exact product
     * @throws ArithmeticException if the result does not fit in a {@code long}
     */
    public long floorMultiply(long x) {
        if (x < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x must not be negative: %d", x));
        }
        if (denominator == 1) {
            return Math.multiplyExact(x, numerator);
        }
        long hi = Math.multiplyHigh(x, numerator);
        if (hi == 0) {
            long lo = x * numerator;
            if (lo >= 0) {
                return lo / denominator;
            }
        }
        return BigInteger.valueOf(x).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }

    /**
     * Whether {@code x × this} is a whole number.
     *
     * @param x a non-negative value
     * @return {@code true} if the product has no fractional part
     */
    public boolean isWholeMultiple(long x) {
        // numerator and denominator are coprime, so x × n / d is whole iff d divides x
        return x % denominator == 0;
    }

    /** @return whether this ratio is zero */
    public boolean isZero() {
        return numerator == 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator))
                .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** @return {@code "n/d"} */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
