package dev.coineconomy.finance;

import dev.coineconomy.internal.Exact;
import dev.coineconomy.money.Ratio;

import java.util.Objects;

/**
 * How one region taxes a coin sale: either the catalog price <em>includes</em> the tax at
 * {@code rate} (UK and EU VAT), so part of the gross is tax; or prices <em>exclude</em> it (US sales
 * tax, added on top by the store or the host and never part of the gross this library sees), so the tax
 * held back from the gross is 0 and {@code rate} is informational only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pricesIncludeTax whether the catalog price includes the tax
 * @param rate             the tax rate on the price net of tax, e.g. 1/5 for 20% VAT
 */
public record TaxRule(boolean pricesIncludeTax, Ratio rate) {

    /** Prices exclude tax and no tax is held back from them (the default for unknown regions). */
    public static final TaxRule EXCLUSIVE = new TaxRule(false, Ratio.of(0, 1));

    /**
     * Validates the rule.
     *
     * @param pricesIncludeTax whether the catalog price includes the tax
     * @param rate             the tax rate on the price net of tax, e.g. 1/5 for 20% VAT
     * @throws NullPointerException if the rate is {@code null}
     */
    public TaxRule {
        Objects.requireNonNull(rate, "rate");
    }

    /**
     * Prices include tax at {@code rate}.
     *
     * @param rate the rate on the net price, e.g. {@code Ratio.of(1, 5)} for 20% VAT
     * @return the rule
     */
    public static TaxRule included(Ratio rate) {
        return new TaxRule(true, rate);
    }

    /**
     * Prices exclude tax; {@code rate} is kept for information only.
     *
     * @param rate the rate charged on top of the price
     * @return the rule
     */
    public static TaxRule excluded(Ratio rate) {
        return new TaxRule(false, rate);
    }

    /**
     * The tax contained in a gross price: {@code gross × rate / (1 + rate)} rounded half-even to the
     * minor unit when prices include tax, else 0. Never more than {@code gross}.
     *
     * @param grossMinor the gross price in minor units, not negative
     * @return the tax in minor units
     */
    public long taxIn(long grossMinor) {
        if (!pricesIncludeTax || rate.isZero()) {
            return 0;
        }
        return Exact.halfEven(grossMinor, rate.numerator(),
                Math.addExact(rate.numerator(), rate.denominator()));
    }
}
