package dev.coineconomy;

import java.time.Instant;

/**
 * What an accepted command did. A retry with the same {@link RequestId} returns an equal receipt.
 *
 * <p>Receipts are immutable and thread-safe.
 */
public sealed interface Receipt permits PurchaseReceipt, GiftReceipt, WithdrawalReceipt,
        GrantReceipt, RefundReceipt, ChargebackReceipt, PayoutSettledReceipt, PayoutFailedReceipt {

    /** @return the command's idempotency key */
    RequestId requestId();

    /** @return the entry's position in the journal, from 1 */
    long sequence();

    /** @return when the command was accepted */
    Instant instant();

    /** @return the version of the catalog in force */
    String catalogVersion();

    /** @return the version of the policy in force */
    String policyVersion();
}
