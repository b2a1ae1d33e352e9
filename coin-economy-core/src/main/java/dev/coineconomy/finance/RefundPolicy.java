package dev.coineconomy.finance;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.internal.Rules;
import dev.coineconomy.money.Coins;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When a purchase may be refunded, and how much: within {@code window} of the purchase, and either only
 * if none of its coins was used ({@link Mode#UNUSED_ONLY}, the reference, as for EEA/UK web withdrawals)
 * or for the unused part, pro rata ({@link Mode#PRO_RATA_UNUSED}). Gifts are never refunded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window how long after the purchase a refund is accepted (inclusive), not negative
 * @param mode   what a refund returns
 */
public record RefundPolicy(Duration window, Mode mode) {

    /** What a refund returns. */
    public enum Mode {
        /** The whole purchase, and only if none of its coins was used. */
        UNUSED_ONLY,
        /** The unused coins of the lot and the unused share of each part of its price. */
        PRO_RATA_UNUSED
    }

    /** The reference: 14 days, only if none of the coins was used. */
    public static final RefundPolicy REFERENCE = new RefundPolicy(Duration.ofDays(14), Mode.UNUSED_ONLY);

    /**
     * Validates the policy.
     *
     * @param window how long after the purchase a refund is accepted (inclusive), not negative
     * @param mode   what a refund returns
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the window is negative
     */
    public RefundPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(mode, "mode");
        if (window.isNegative()) {
            throw new IllegalArgumentException("refund window must not be negative: " + window);
        }
    }

    /**
     * @param value the new window
     * @return a policy with that window
     */
    public RefundPolicy withWindow(Duration value) {
        return new RefundPolicy(value, mode);
    }

    /**
     * @param value the new mode
     * @return a policy with that mode
     */
    public RefundPolicy withMode(Mode value) {
        return new RefundPolicy(window, value);
    }

    /**
     * The last instant a purchase made at {@code purchased} may be refunded.
     *
     * @param purchased when the purchase was accepted
     * @return {@code purchased + window}
     */
    public Instant deadline(Instant purchased) {
        return Objects.requireNonNull(purchased, "purchased").plus(window);
    }

    /**
     * Decides a refund of a purchased lot. Checks, in this order: the window is open
     * ({@code now <= purchase + window}, else {@code REFUND_WINDOW_CLOSED}: values {@code purchase},
     * {@code deadline}, {@code now}); the lot has coins to refund and, under {@link Mode#UNUSED_ONLY},
     * none was used (else {@code COINS_ALREADY_USED}: values {@code purchase}, {@code used}).
     *
     * <p>The refund returns {@link SaleSplit#unusedShare(long, long)} of the sale: under
     * {@code UNUSED_ONLY} exactly the original split; pro rata, of each part the platform keeps
     * {@code floor(part × used / coins)} and returns the rest, so the net returned is exactly the lot's
     * deferred revenue. Whether the lot was already refunded or charged back is the caller's check
     * ({@code ALREADY_REVERSED}), as are unknown purchases ({@code UNKNOWN_REFERENCE}).
     *
     * @param lot       the purchase's lot as it is now (not promotional)
     * @param purchased when the purchase was accepted
     * @param now       the refund's instant
     * @return the coins to remove and the money to return
     * @throws EconomyException         {@code REFUND_WINDOW_CLOSED} or {@code COINS_ALREADY_USED}
     * @throws IllegalArgumentException if the lot is promotional
     */
    public RefundDecision decide(Lot lot, Instant purchased, Instant now) {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(now, "now");
        if (lot.isPromotional()) {
            throw new IllegalArgumentException("lot " + lot.id() + " was granted, not sold: it cannot be refunded");
        }
        Instant deadline = deadline(purchased);
        if (now.isAfter(deadline)) {
            throw Rules.reject(RejectionCode.REFUND_WINDOW_CLOSED,
                    String.format(Locale.ROOT, "purchase %s could be refunded until %s; it is %s",
                            lot.id(), deadline, now),
                    "purchase", lot.id(), "deadline", deadline, "now", now);
        }
        long used = lot.coinsUsed();
        if (lot.coinsRemaining() == 0 || (mode == Mode.UNUSED_ONLY && used > 0)) {
            throw Rules.reject(RejectionCode.COINS_ALREADY_USED,
                    String.format(Locale.ROOT, "%d of the %d coins of purchase %s were already used%s",
                            used, lot.coins(), lot.id(), mode == Mode.UNUSED_ONLY ? "; only unused purchases are refunded" : ""),
                    "purchase", lot.id(), "used", Coins.of(used));
        }
        SaleSplit refund = lot.sale().unusedShare(used, lot.coins());
        return new RefundDecision(lot.id(), lot.coinsRemaining(), refund, lot.take(lot.coinsRemaining()));
    }
}
