package dev.coineconomy;

import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a settled payout (PENDING → PAID): the diamonds in payout were redeemed and the cash paid.
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param creator        the creator paid
 * @param withdrawal     the withdrawal that created the payout (its request id)
 * @param diamonds       the diamonds redeemed
 * @param paid           the cash paid
 * @param catalogVersion the catalog in force
 * @param policyVersion  the policy in force
 */
public record PayoutSettledReceipt(RequestId requestId, long sequence, Instant instant, UserId creator,
                                   RequestId withdrawal, Diamonds diamonds, Money paid,
                                   String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param creator        the creator paid
     * @param withdrawal     the withdrawal that created the payout (its request id)
     * @param diamonds       the diamonds redeemed
     * @param paid           the cash paid
     * @param catalogVersion the catalog in force
     * @param policyVersion  the policy in force
     */
    public PayoutSettledReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(withdrawal, "withdrawal");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(paid, "paid");
    }
}
