package dev.coineconomy.catalog;

/**
 * Why a gift cannot be sent, as found by {@link GiftAvailability#check}; the {@code reason} value of a
 * {@code GIFT_NOT_AVAILABLE} rejection.
 */
public enum UnavailableReason {
    /** The gift is not offered in the sender's region. */
    REGION,
    /** The instant is before the gift's {@code availableFrom} or at/after its {@code availableUntil}. */
    WINDOW,
    /** The gift is not offered in that context (LIVE or VIDEO). */
    CONTEXT
}
