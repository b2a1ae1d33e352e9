package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.internal.Exact;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A sale's gross price split exactly into the store's fee, the tax held back, and the net that the
 * platform keeps: {@code gross = storeFee + tax + net} to the minor unit, and no part is negative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param gross    what the buyer paid
 * @param storeFee the channel's commission
 * @param tax      the tax contained in the gross (0 where prices exclude tax)
 * @param net      the rest: the platform's deferred revenue until the coins are spent
 */
public record SaleSplit(Money gross, Money storeFee, Money tax, Money net) {

    /**
     * Validates that the parts share one currency, are not negative and sum exactly to the gross.
     *
     * @param gross    what the buyer paid
     * @param storeFee the channel's commission
     * @param tax      the tax contained in the gross (0 where prices exclude tax)
     * @param net      the rest: the platform's deferred revenue until the coins are spent
     * @throws NullPointerException     if a part is {@code null}
     * @throws IllegalArgumentException otherwise
     */
    public SaleSplit {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(storeFee, "storeFee");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(net, "net");
        if (gross.isNegative() || storeFee.isNegative() || tax.isNegative() || net.isNegative()) {
            throw new IllegalArgumentException("sale split parts must not be negative: " + describe(gross, storeFee, tax, net));
        }
        if (!storeFee.plus(tax).plus(net).equals(gross)) {
            throw new IllegalArgumentException("sale split parts must sum to the gross: " + describe(gross, storeFee, tax, net));
        }
        gross.toMinorUnits(); // must fit in a long
    }

    private static String describe(Money gross, Money fee, Money tax, Money net) {
        return String.format(Locale.ROOT, "gross %s, fee %s, tax %s, net %s", gross, fee, tax, net);
    }

    /**
     * Splits a gross price. In this order:
     * <ol>
     *   <li>tax = the tax the region's {@link TaxRule} says the gross contains:
     *       {@code gross × rate / (1 + rate)} rounded half-even to the minor unit where prices include
     *       tax, else 0;</li>
     *   <li>fee = {@code (gross − tax) × feeRate} rounded half-even: the store's commission is on the
     *       price net of tax (as app stores charge it on VAT-inclusive EU/UK prices);</li>
     *   <li>net = {@code gross − tax − fee}: the remainder, so the odd minor unit of both roundings lands
     *       in the net and the parts always sum exactly to the gross.</li>
     * </ol>
     * Every part is between 0 and the gross because the tax share {@code rate/(1+rate)} is below 1 and
     * the fee rate is at most 1.
     *
     * @param gross   the price paid, not negative
     * @param channel the sales channel
     * @param region  the buyer's region
     * @param fees    the store fee policy
     * @param taxes   the tax policy
     * @return the exact split
     * @throws IllegalArgumentException if the gross is negative or its minor units do not fit in a {@code long}
     */
    public static SaleSplit of(Money gross, Channel channel, Region region, StoreFeePolicy fees, TaxPolicy taxes) {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(taxes, "taxes");
        if (gross.isNegative()) {
            throw new IllegalArgumentException("gross must not be negative: " + gross);
        }
        long g;
        try {
            g = gross.toMinorUnits();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("gross has more minor units than a long holds: " + gross, e);
        }
        long tax = taxes.rule(region).taxIn(g);
        Ratio feeRate = fees.rate(channel, region);
        long fee = Exact.halfEven(g - tax, feeRate.numerator(), feeRate.denominator());
        return ofMinor(gross.currency(), g, fee, tax);
    }

    /**
     * A split given in minor units; the net is the remainder.
     *
     * @param currency   the currency
     * @param grossMinor the gross
     * @param feeMinor   the store fee
     * @param taxMinor   the tax
     * @return the split
     * @throws IllegalArgumentException if a part is negative
     */
    public static SaleSplit ofMinor(Currency currency, long grossMinor, long feeMinor, long taxMinor) {
        return new SaleSplit(Money.ofMinor(currency, grossMinor), Money.ofMinor(currency, feeMinor),
                Money.ofMinor(currency, taxMinor), Money.ofMinor(currency, grossMinor - feeMinor - taxMinor));
    }

    /**
     * The part of this split that belongs to the unused share of a lot of {@code coins} coins of which
     * {@code used} were spent: the platform keeps {@code floor(x × used / coins)} of each of fee, tax and
     * net (the same telescoping floor that recognizes a lot's revenue, so the net kept is exactly the
     * revenue recognized from the lot) and the rest of each is returned; the returned gross is the sum
     * of the returned parts. With {@code used = 0} this is the whole split, exactly.
     *
     * @param used  coins of the lot already spent, {@code 0..coins}
     * @param coins the lot's coins, positive
     * @return the unused share (never more than this split, part by part)
     * @throws IllegalArgumentException if the counts are out of range
     */
    public SaleSplit unusedShare(long used, long coins) {
        if (coins <= 0 || used < 0 || used > coins) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need 0 <= used <= coins and coins > 0: used %d, coins %d", used, coins));
        }
        long fee = storeFee.toMinorUnits();
        long tx = tax.toMinorUnits();
        long nt = net.toMinorUnits();
        long feeBack = fee - Exact.floor(fee, used, coins);
        long taxBack = tx - Exact.floor(tx, used, coins);
        long netBack = nt - Exact.floor(nt, used, coins);
        return ofMinor(currency(), feeBack + taxBack + netBack, feeBack, taxBack);
    }

    /** @return the currency of every part */
    public Currency currency() {
        return gross.currency();
    }

    /** @return whether the gross is zero */
    public boolean isZero() {
        return gross.isZero();
    }
}
