package dev.coineconomy.policy;

import dev.coineconomy.money.Ratio;

import java.util.Locale;
import java.util.Objects;

/**
 * The coin → diamond rule: a creator receiving gifts worth {@code C} coins in total holds exactly
 * {@code floor(C × diamondsPerCoin)} diamonds from them, whatever the order and size of the gifts.
 *
 * <p>The fraction left by one gift is carried to the next, never dropped per gift: a gift that moves
 * the creator's running total of coins received from {@code T} to {@code T + c} credits
 * {@code floor((T + c) × r) − floor(T × r)} diamonds, and these telescope to {@code floor(C × r)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param diamondsPerCoin the exact ratio of diamonds per gifted coin
 */
public record ConversionPolicy(Ratio diamondsPerCoin) {

    /** The reference rule: one gifted coin earns one diamond. */
    public static final ConversionPolicy REFERENCE = new ConversionPolicy(Ratio.ONE);

    /**
     * Validates the policy.
     *
     * @param diamondsPerCoin the exact ratio of diamonds per gifted coin
     * @throws NullPointerException if the ratio is {@code null}
     */
    public ConversionPolicy {
        Objects.requireNonNull(diamondsPerCoin, "diamondsPerCoin");
    }

    /**
     * The diamonds earned by a gift of {@code coins} coins to a creator who had received
     * {@code receivedBefore} coins before it.
     *
     * @param receivedBefore the creator's running total of coins received before this gift
     * @param coins          the coins of this gift
     * @return {@code floor((receivedBefore + coins) × r) − floor(receivedBefore × r)}
     * @throws IllegalArgumentException if an argument is negative
     * @throws ArithmeticException      if the running total exceeds {@link #maxCoinsReceived()}
     */
    public long diamondsFor(long receivedBefore, long coins) {
        if (receivedBefore < 0 || coins < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "receivedBefore and coins must not be negative: %d, %d", receivedBefore, coins));
        }
        long after = Math.addExact(receivedBefore, coins);
        return diamondsPerCoin.floorMultiply(after) - diamondsPerCoin.floorMultiply(receivedBefore);
    }

    /**
     * The largest running total of coins whose diamonds still fit in a {@code long}. The economy
     * never issues more coins than this, so no diamond balance can overflow.
     *
     * @return {@code Long.MAX_VALUE} for ratios up to 1, else {@code floor(Long.MAX_VALUE / r)}
     */
    public long maxCoinsReceived() {
        if (diamondsPerCoin.numerator() <= diamondsPerCoin.denominator()) {
            return Long.MAX_VALUE;
        }
        return Ratio.of(diamondsPerCoin.denominator(), diamondsPerCoin.numerator()).floorMultiply(Long.MAX_VALUE);
    }
}
