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
    COIN_SUPPLY_LIMIT,

    // ---- who may do what (eligibility, limits, availability) -------------------------------------

    /**
     * The user may not do this. Values: {@code user}, {@code action} (a
     * {@link dev.coineconomy.policy.EligibilityAction}), {@code reason} (a
     * {@link dev.coineconomy.policy.IneligibilityReason}: AGE, REGION, FOLLOWERS, STANDING, ACCOUNT_KIND) and
     * the values involved (e.g. {@code age}, {@code minimumAge}, {@code region}).
     */
    NOT_ELIGIBLE,
    /** The host's profile directory does not know the user. Values: {@code user}. */
    UNKNOWN_USER,
    /**
     * The command would exceed a spending limit. Values: {@code user}, {@code limit} (a
     * {@link dev.coineconomy.policy.LimitKind}), {@code period} (e.g. {@code 2026-W48}), {@code maximum},
     * {@code spent}, {@code requested}, {@code remaining} (what the user may still spend, as {@code Money}
     * or {@code Coins}).
     */
    LIMIT_EXCEEDED,
    /**
     * The gift is not offered here or now. Values: {@code giftId}, {@code reason} (REGION, WINDOW,
     * CONTEXT) and the values involved.
     */
    GIFT_NOT_AVAILABLE,
    /** No stream with that id. Values: {@code streamId}. */
    UNKNOWN_STREAM,
    /**
     * The stream cannot take this command (it has ended, is already live, or belongs to another
     * creator). Values: {@code streamId}, {@code reason} (a {@link dev.coineconomy.stream.NotLiveReason}:
     * ENDED, ALREADY_LIVE, ID_ALREADY_USED, OTHER_CREATOR) and the values involved.
     */
    STREAM_NOT_LIVE,

    // ---- reversals and payouts ---------------------------------------------------------------------

    /**
     * The request id a reversal or payout command refers to names no accepted command of the right kind
     * (or of this user). Values: {@code reference}, {@code expected}.
     */
    UNKNOWN_REFERENCE,
    /** The refund window of the purchase has closed. Values: {@code purchase}, {@code deadline}, {@code now}. */
    REFUND_WINDOW_CLOSED,
    /** The policy refunds only unused lots and some of the lot's coins were spent. Values: {@code purchase}, {@code used}. */
    COINS_ALREADY_USED,
    /** The purchase was already refunded or charged back. Values: {@code purchase}, {@code by}. */
    ALREADY_REVERSED,
    /** The payout is not pending (already paid or failed). Values: {@code withdrawal}, {@code state}. */
    PAYOUT_NOT_PENDING,
    /**
     * The user is restricted (a chargeback left a negative coin balance) until it is repaid.
     * Values: {@code user}, {@code coins}.
     */
    ACCOUNT_RESTRICTED
}
