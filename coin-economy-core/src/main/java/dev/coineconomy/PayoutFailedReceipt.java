package dev.coineconomy;

import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a failed payout (PENDING → FAILED): the diamonds went back to the creator, and the
 * payout no longer counts towards its day's withdrawal cap.
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param creator        the creator
 * @param withdrawal     the withdrawal that created the payout (its request id)
 * @param diamonds       the diamonds returned
 * @param amount         the payout that was not made
 * @param reason         why it failed (the host's text, 1 to 200 characters)
 * @param catalogVersion the catalog in force
 * @param policyVersion  the policy in force
 */
public record PayoutFailedReceipt(RequestId requestId, long sequence, Instant instant, UserId creator,
                                  RequestId withdrawal, Diamonds diamonds, Money amount, String reason,
                                  String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param creator        the creator
     * @param withdrawal     the withdrawal that created the payout (its request id)
     * @param diamonds       the diamonds returned
     * @param amount         the payout that was not made
     * @param reason         why it failed (the host's text, 1 to 200 characters)
     * @param catalogVersion the catalog in force
     * @param policyVersion  the policy in force
     */
    public PayoutFailedReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(withdrawal, "withdrawal");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
    }
}
