package dev.coineconomy.finance;

import dev.coineconomy.RequestId;
import dev.coineconomy.internal.Exact;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A lot of coins: the coins one purchase (or one promotional grant) credited, and what is left of them.
 * Spending consumes lots first-in first-out.
 *
 * <p>A purchased lot carries the {@link SaleSplit} of its purchase; its {@linkplain #net() net} is
 * recognized as revenue as its coins are spent, with exact carry: after {@code u} of its {@code coins}
 * coins were spent, exactly {@code floor(net × u / coins)} minor units have been recognized, whatever
 * the order and size of the spends; so a lot fully spent has recognized exactly its net, and the lot's
 * deferred revenue is {@link #netRemaining()}. A promotional lot ({@code sale == null}) is worth 0: its
 * coins recognize no revenue.
 *
 * <p>The lot keeps no running total: everything is derived from {@code coins}, {@code coinsRemaining} and
 * the sale, so it cannot get out of step.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id             the request id of the purchase or grant that created the lot
 * @param coins          the coins credited, positive
 * @param coinsRemaining the coins not yet spent, refunded or charged back, {@code 0..coins}
 * @param sale           the purchase's split, or {@code null} for a promotional lot
 */
public record Lot(RequestId id, long coins, long coinsRemaining, SaleSplit sale) {

    /**
     * Validates the counts.
     *
     * @param id             the request id of the purchase or grant that created the lot
     * @param coins          the coins credited, positive
     * @param coinsRemaining the coins not yet spent, refunded or charged back, {@code 0..coins}
     * @param sale           the purchase's split, or {@code null} for a promotional lot
     * @throws NullPointerException     if the id is {@code null}
     * @throws IllegalArgumentException if {@code coins} is not positive or {@code coinsRemaining} out of range
     */
    public Lot {
        Objects.requireNonNull(id, "id");
        if (coins <= 0 || coinsRemaining < 0 || coinsRemaining > coins) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lot %s needs coins > 0 and 0 <= coinsRemaining <= coins: %d, %d", id, coins, coinsRemaining));
        }
    }

    /**
     * A new, unspent lot of purchased coins.
     *
     * @param id    the purchase's request id
     * @param coins the coins credited
     * @param sale  the purchase's split
     * @return the lot
     */
    public static Lot purchased(RequestId id, long coins, SaleSplit sale) {
        return new Lot(id, coins, coins, Objects.requireNonNull(sale, "sale"));
    }

    /**
     * A new, unspent promotional lot, worth 0.
     *
     * @param id    the grant's request id
     * @param coins the coins granted
     * @return the lot
     */
    public static Lot promotional(RequestId id, long coins) {
        return new Lot(id, coins, coins, null);
    }

    /** @return whether this lot was granted, not sold */
    public boolean isPromotional() {
        return sale == null;
    }

    /** @return the purchase's split, empty for a promotional lot */
    public Optional<SaleSplit> saleSplit() {
        return Optional.ofNullable(sale);
    }

    /** @return the currency of the lot's value, empty for a promotional lot */
    public Optional<Currency> currency() {
        return sale == null ? Optional.empty() : Optional.of(sale.currency());
    }

    /** @return the lot's net value in minor units (0 for a promotional lot) */
    public long net() {
        return sale == null ? 0 : sale.net().toMinorUnits();
    }

    /** @return the coins no longer in the lot */
    public long coinsUsed() {
        return coins - coinsRemaining;
    }

    /**
     * The net released from deferred revenue so far, {@code floor(net × coinsUsed / coins)} minor units:
     * recognized as revenue by spends (or, once a refund or chargeback closed the lot, returned by it).
     *
     * @return the net no longer deferred
     */
    public long netRecognized() {
        return Exact.floor(net(), coinsUsed(), coins);
    }

    /** @return the lot's deferred revenue: its net not yet recognized, in minor units */
    public long netRemaining() {
        return net() - netRecognized();
    }

    /** @return whether every coin of the lot is gone */
    public boolean isExhausted() {
        return coinsRemaining == 0;
    }

    /**
     * The lot after {@code taken} more of its coins were used.
     *
     * @param taken coins to take, {@code 0..coinsRemaining}
     * @return the updated lot
     * @throws IllegalArgumentException if {@code taken} is out of range
     */
    public Lot take(long taken) {
        if (taken < 0 || taken > coinsRemaining) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot take %d coins from lot %s with %d remaining", taken, id, coinsRemaining));
        }
        return new Lot(id, coins, coinsRemaining - taken, sale);
    }
}
