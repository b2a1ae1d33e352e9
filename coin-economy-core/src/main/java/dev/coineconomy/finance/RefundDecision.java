package dev.coineconomy.finance;

import dev.coineconomy.RequestId;

import java.util.Locale;
import java.util.Objects;

/**
 * An accepted refund: the coins to take back from the buyer and the money returned, split like the
 * original sale (store fee, tax and net reversed).
 *
 * <p>Immutable and thread-safe.
 *
 * @param purchase     the purchase refunded
 * @param coinsRemoved the lot's coins to remove from the buyer (its unused coins), positive
 * @param refund       the money returned, by part; the {@link SaleSplit#net() net} is exactly the lot's
 *                     deferred revenue, which the refund clears
 * @param lotAfter     the lot after the refund: no coins remain in it
 */
public record RefundDecision(RequestId purchase, long coinsRemoved, SaleSplit refund, Lot lotAfter) {

    /**
     * Validates the decision.
     *
     * @param purchase     the purchase refunded
     * @param coinsRemoved the lot's coins to remove from the buyer (its unused coins), positive
     * @param refund       the money returned, by part; the {@link SaleSplit#net() net} is exactly the lot's
     *                     deferred revenue, which the refund clears
     * @param lotAfter     the lot after the refund: no coins remain in it
     * @throws IllegalArgumentException if no coins are removed
     */
    public RefundDecision {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(lotAfter, "lotAfter");
        if (coinsRemoved <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a refund removes at least one coin, got %d", coinsRemoved));
        }
    }
}
