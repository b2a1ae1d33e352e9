package dev.coineconomy.finance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long diamonds earned from a gift are held before the creator may withdraw them. While held they
 * sit in the creator's "diamonds held" account; a release moves them to "available".
 *
 * <p>Immutable and thread-safe.
 *
 * @param hold the holding period, not negative; zero credits diamonds straight to available
 */
public record HoldPolicy(Duration hold) {

    /** The reference: no hold (diamonds are withdrawable at once). */
    public static final HoldPolicy REFERENCE = new HoldPolicy(Duration.ZERO);

    /**
     * Validates the period.
     *
     * @param hold the holding period, not negative; zero credits diamonds straight to available
     * @throws NullPointerException     if it is {@code null}
     * @throws IllegalArgumentException if it is negative
     */
    public HoldPolicy {
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative: " + hold);
        }
    }

    /** @return whether earned diamonds are held at all (the period is positive) */
    public boolean holds() {
        return !hold.isZero();
    }

    /**
     * When diamonds earned at {@code earned} become withdrawable.
     *
     * @param earned the gift's instant
     * @return {@code earned + hold}
     */
    public Instant releaseAt(Instant earned) {
        return Objects.requireNonNull(earned, "earned").plus(hold);
    }

    /**
     * Whether diamonds earned at {@code earned} are withdrawable at {@code now}.
     *
     * @param earned the gift's instant
     * @param now    the instant asked about
     * @return {@code now >= earned + hold}
     */
    public boolean isReleased(Instant earned, Instant now) {
        return !Objects.requireNonNull(now, "now").isBefore(releaseAt(earned));
    }
}
