package dev.coineconomy.policy;

import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * The cash value of diamonds, as an exact rate: {@code amount} per {@code diamonds} diamonds.
 *
 * <p>A diamond is usually worth less than the currency's minor unit (the reference is USD 0.005), so
 * the value of one diamond is not a {@link Money}. {@code DiamondValue.of(Money.of("USD", "1.00"), 200)}
 * and {@code DiamondValue.perDiamond("USD", "0.005")} are the same rate, and equal: the rate is kept
 * in lowest terms (both are {@code USD 0.01 per 2 diamonds}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount   the positive cash value of {@code diamonds} diamonds, in lowest terms
 * @param diamonds the number of diamonds that {@code amount} buys, at least 1, in lowest terms
 */
public record DiamondValue(Money amount, long diamonds) {

    /**
     * Validates the rate and reduces it to lowest terms (minor units and diamonds divided by their
     * greatest common divisor), so that equal rates are equal values.
     *
     * @param amount   the positive cash value of {@code diamonds} diamonds, in lowest terms
     * @param diamonds the number of diamonds that {@code amount} buys, at least 1, in lowest terms
     * @throws NullPointerException     if the amount is {@code null}
     * @throws IllegalArgumentException if the amount is not positive, its minor units do not fit in a
     *                                  {@code long}, or diamonds below 1
     */
    public DiamondValue {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value amount must be positive, got %s", amount));
        }
        if (diamonds < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value must be per at least 1 diamond, got %d", diamonds));
        }
        long minor;
        try {
            minor = amount.toMinorUnits();
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value amount %s has more minor units than a long holds", amount), overflow);
        }
        long gcd = java.math.BigInteger.valueOf(minor).gcd(java.math.BigInteger.valueOf(diamonds)).longValueExact();
        if (gcd > 1) {
            amount = Money.ofMinor(amount.currency(), minor / gcd);
            diamonds /= gcd;
        }
    }

    /**
     * The rate {@code amount} per {@code diamonds} diamonds.
     *
     * @param amount   the positive cash value
     * @param diamonds the diamonds it buys
     * @return the rate
     */
    public static DiamondValue of(Money amount, long diamonds) {
        return new DiamondValue(amount, diamonds);
    }

    /**
     * The rate given as the exact (possibly sub-cent) value of one diamond, e.g. {@code "0.005"}.
     *
     * @param currencyCode      the ISO-4217 currency
     * @param valueOfOneDiamond a positive decimal, plain ({@code "0.005"}) or with an exponent ({@code "5e-3"})
     * @return the equivalent rate, an amount per a power of ten of diamonds
     * @throws IllegalArgumentException if the value is not a positive decimal, or has more than 18
     *                                  decimals beyond the currency's minor unit
     */
    public static DiamondValue perDiamond(String currencyCode, String valueOfOneDiamond) {
        Objects.requireNonNull(valueOfOneDiamond, "valueOfOneDiamond");
        Currency currency = Money.currency(currencyCode);
        BigDecimal value;
        try {
            value = new BigDecimal(valueOfOneDiamond);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value '%s' is not a decimal number", valueOfOneDiamond), e);
        }
        int extra = Math.max(0, value.scale() - currency.getDefaultFractionDigits());
        if (extra > 18) {
            // 10^extra diamonds would not fit in a long
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value '%s' has more than 18 decimals beyond %s's minor unit", valueOfOneDiamond,
                    currency.getCurrencyCode()));
        }
        long diamonds = BigDecimal.TEN.pow(extra).longValueExact();
        return of(Money.of(currency, value.movePointRight(extra)), diamonds);
    }

    /** @return the currency of the payouts */
    public Currency currency() {
        return amount.currency();
    }

    /** @return the exact value of one diamond in minor units of the currency, in lowest terms */
    public Ratio minorUnitsPerDiamond() {
        return Ratio.of(amount.toMinorUnits(), diamonds);
    }

    /**
     * The smallest positive number of diamonds worth a whole number of minor units; every payable
     * number of diamonds is a multiple of it (2 at the reference rate of USD 0.005).
     *
     * @return the step
     */
    public long diamondStep() {
        return minorUnitsPerDiamond().denominator();
    }

    /**
     * Whether {@code diamonds} diamonds are worth a whole number of minor units.
     *
     * @param diamonds a non-negative count
     * @return whether they can be paid out exactly
     */
    public boolean isPayable(long diamonds) {
        return minorUnitsPerDiamond().isWholeMultiple(diamonds);
    }

    /**
     * The value of {@code diamonds} diamonds in whole minor units, rounded down; the exact value when
     * {@link #isPayable(long)}.
     *
     * @param diamonds a non-negative count
     * @return the floor of the exact value, in minor units
     * @throws ArithmeticException if it does not fit in a {@code long}
     */
    public long floorMinorUnits(long diamonds) {
        return minorUnitsPerDiamond().floorMultiply(diamonds);
    }

    /**
     * The value of {@code diamonds} diamonds, rounded down to the minor unit.
     *
     * @param diamonds a non-negative count
     * @return the value
     */
    public Money floorValue(long diamonds) {
        return Money.ofMinor(currency(), floorMinorUnits(diamonds));
    }

    @Override
    public String toString() {
        return amount + " per " + diamonds + " diamonds";
    }
}
