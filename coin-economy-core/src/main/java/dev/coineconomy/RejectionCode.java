package dev.coineconomy;

/**
 * The stable, machine-readable reason a command was rejected. Codes are never renamed; new ones may
 * be added.
 */
public enum RejectionCode {
    /** The sender has fewer coins than the gifts cost. Values: {@code needed}, {@code available}. */
    INSUFFICIENT_COINS,
    /** The creator has fewer diamonds than requested. Values: {@code requested}, {@code available}. */
    INSUFFICIENT_DIAMONDS,
    /** No pack with that id in the catalog. Values: {@code packId}, {@code catalogVersion}. */
    UNKNOWN_PACK,
    /** No gift with that id in the catalog. Values: {@code giftId}, {@code catalogVersion}. */
    UNKNOWN_GIFT,
    /** The pack has no price for that region × channel. Values: {@code packId}, {@code region}, {@code channel}. */
    NOT_SOLD_IN_REGION,
    /** The sender and the creator are the same user. Values: {@code user}. */
    SELF_GIFT,
    /** The payout would be below the policy's minimum. Values: {@code payout}, {@code minimum}. */
    BELOW_MINIMUM_WITHDRAWAL,
    /**
     * The payout would take the creator's withdrawals of that calendar day over the limit.
     * Values: {@code payout}, {@code limit}, {@code withdrawnToday}, {@code remaining}, {@code day}.
     */
    DAILY_WITHDRAWAL_LIMIT,
    /**
     * The diamonds requested are not worth a whole number of minor units (cents). Values:
     * {@code requested}, {@code step} (every payable count is a multiple of it), {@code payableBelow}
     * and {@code payableAbove} (the nearest payable counts).
     */
    NOT_WHOLE_CENTS,
    /** The request id was already used by an accepted, different command. Values: {@code existing}. */
    REQUEST_CONFLICT,
    /**
     * Selling the pack would issue more coins than the economy can account for exactly (their diamonds
     * would overflow). Values: {@code issued}, {@code pack}, {@code maximum}.
     */
    COIN_SUPPLY_LIMIT
}
