package dev.coineconomy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a refunded purchase: the lot's unused coins left the buyer and the money returned.
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param user           the buyer
 * @param purchase       the purchase refunded (its request id)
 * @param coinsRemoved   the coins taken from the buyer
 * @param refunded       the gross returned (the whole price, or its unused share under a pro-rata policy)
 * @param catalogVersion the catalog in force
 * @param policyVersion  the policy that decided the refund
 */
public record RefundReceipt(RequestId requestId, long sequence, Instant instant, UserId user, RequestId purchase,
                            Coins coinsRemoved, Money refunded, String catalogVersion, String policyVersion)
        implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param user           the buyer
     * @param purchase       the purchase refunded (its request id)
     * @param coinsRemoved   the coins taken from the buyer
     * @param refunded       the gross returned (the whole price, or its unused share under a pro-rata policy)
     * @param catalogVersion the catalog in force
     * @param policyVersion  the policy that decided the refund
     */
    public RefundReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(coinsRemoved, "coinsRemoved");
        Objects.requireNonNull(refunded, "refunded");
    }
}
