package dev.coineconomy.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of real money in one ISO-4217 currency, always held at the currency's scale.
 *
 * <p>{@code Money.of("USD", "100")} equals {@code Money.of("USD", "100.00")}. An amount with more
 * significant decimals than the currency allows (e.g. {@code "1.005"} for USD) is rejected with an
 * {@link IllegalArgumentException}; it is never rounded. Trailing zeros beyond the scale
 * ({@code "1.000"}) change no value and are accepted, as in joda-money. Amounts may be negative (a ledger posting may be), but catalog prices and
 * policy thresholds validate that they are positive where that matters.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param currency the currency, never {@code null}; must have a non-negative default fraction
 *                 digit count (pseudo-currencies such as {@code XXX} are rejected)
 * @param amount   the amount, normalised to the currency's scale
 */
public record Money(Currency currency, BigDecimal amount) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * Validates and normalises the amount to the currency's scale.
     *
     * @param currency the currency, never {@code null}; must have a non-negative default fraction
     *                 digit count (pseudo-currencies such as {@code XXX} are rejected)
     * @param amount   the amount, normalised to the currency's scale
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the currency has no decimal scale or the amount has more
     *                                  significant decimals than the currency allows
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            try {
                amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "amount %s has more decimals than %s allows (%d)",
                        amount.toPlainString(), currency.getCurrencyCode(), scale), e);
            }
        }
    }

    /**
     * Creates money from an ISO-4217 code and a plain decimal string such as {@code "4.99"}.
     *
     * @param currencyCode an ISO-4217 code, e.g. {@code "USD"}
     * @param amount       a plain decimal ({@code -?digits[.digits]}), no exponent, no grouping
     * @return the money, at the currency's scale
     * @throws IllegalArgumentException if the code is unknown or the amount malformed or too precise
     */
    public static Money of(String currencyCode, String amount) {
        Objects.requireNonNull(amount, "amount");
        if (!DECIMAL.matcher(amount).matches()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount '%s' is not a plain decimal number such as 4.99", amount));
        }
        return new Money(currency(currencyCode), new BigDecimal(amount));
    }

    /**
     * Creates money from a currency and an amount.
     *
     * @param currency the currency
     * @param amount   the amount; must not have more decimals than the currency allows
     * @return the money, at the currency's scale
     */
    public static Money of(Currency currency, BigDecimal amount) {
        return new Money(currency, amount);
    }

    /**
     * Creates money from a count of the currency's minor units (cents for USD).
     *
     * @param currency   the currency
     * @param minorUnits the amount in minor units
     * @return the money
     */
    public static Money ofMinor(Currency currency, long minorUnits) {
        Objects.requireNonNull(currency, "currency");
        return new Money(currency, BigDecimal.valueOf(minorUnits, scaleOf(currency)));
    }

    /**
     * Creates money from an ISO-4217 code and a count of minor units.
     *
     * @param currencyCode an ISO-4217 code
     * @param minorUnits   the amount in minor units
     * @return the money
     */
    public static Money ofMinor(String currencyCode, long minorUnits) {
        return ofMinor(currency(currencyCode), minorUnits);
    }

    /**
     * Zero in the given currency.
     *
     * @param currency the currency
     * @return zero at the currency's scale
     */
    public static Money zero(Currency currency) {
        return ofMinor(currency, 0);
    }

    /**
     * Parses the form produced by {@link #toString()}: a currency code, one space, an amount, e.g.
     * {@code "USD 4.99"}.
     *
     * @param text the text to parse
     * @return the money
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space != 3 || text.length() < 5) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "money '%s' is not of the form 'USD 4.99'", text));
        }
        return of(text.substring(0, 3), text.substring(4));
    }

    /**
     * Looks up an ISO-4217 currency by code.
     *
     * @param currencyCode the code, e.g. {@code "USD"}
     * @return the currency
     * @throws IllegalArgumentException if the code is not a known ISO-4217 code with a decimal scale
     */
    public static Currency currency(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "currency code '%s' is not a known ISO-4217 code", currencyCode), e);
        }
        scaleOf(currency);
        return currency;
    }

    private static int scaleOf(Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        if (scale < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "currency %s has no decimal scale and cannot hold money", currency.getCurrencyCode()));
        }
        return scale;
    }

    /**
     * The amount in minor units (cents for USD).
     *
     * @return the exact number of minor units
     * @throws ArithmeticException if it does not fit in a {@code long}
     */
    public long toMinorUnits() {
        // the unscaled value, without building a BigInteger: scale 0 is longValueExact's fast path
        return amount.scaleByPowerOfTen(amount.scale()).longValueExact();
    }

    /**
     * Adds money of the same currency.
     *
     * @param other the money to add
     * @return the exact sum
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(currency, amount.add(other.amount));
    }

    /**
     * Subtracts money of the same currency.
     *
     * @param other the money to subtract
     * @return the exact difference (may be negative)
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(currency, amount.subtract(other.amount));
    }

    /**
     * Multiplies by a whole number.
     *
     * @param factor the factor
     * @return the exact product
     */
    public Money multipliedBy(long factor) {
        return new Money(currency, amount.multiply(BigDecimal.valueOf(factor)));
    }

    /**
     * The negated amount.
     *
     * @return {@code -this}
     */
    public Money negated() {
        return new Money(currency, amount.negate());
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return whether the amount is greater than zero */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** @return whether the amount is less than zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Whether this is greater than another amount of the same currency.
     *
     * @param other the amount to compare with
     * @return {@code this > other}
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether this is less than another amount of the same currency.
     *
     * @param other the amount to compare with
     * @return {@code this < other}
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "currency mismatch: %s and %s", currency.getCurrencyCode(),
                    other.currency.getCurrencyCode()));
        }
    }

    /** @return the currency code, a space and the plain amount, e.g. {@code "USD 4.99"} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + ' ' + amount.toPlainString();
    }
}
