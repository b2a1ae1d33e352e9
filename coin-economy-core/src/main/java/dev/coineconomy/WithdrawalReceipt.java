package dev.coineconomy;

import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a creator's cash-out.
 *
 * @param requestId       the command's idempotency key
 * @param sequence        the journal position, from 1
 * @param instant         when it was accepted
 * @param creator         the creator paid
 * @param diamondsDebited the diamonds taken from the creator's wallet
 * @param payout          their exact cash value, in whole minor units
 * @param catalogVersion  the catalog in force
 * @param policyVersion   the policy that valued the diamonds
 */
public record WithdrawalReceipt(RequestId requestId, long sequence, Instant instant, UserId creator,
                                Diamonds diamondsDebited, Money payout,
                                String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId       the command's idempotency key
     * @param sequence        the journal position, from 1
     * @param instant         when it was accepted
     * @param creator         the creator paid
     * @param diamondsDebited the diamonds taken from the creator's wallet
     * @param payout          their exact cash value, in whole minor units
     * @param catalogVersion  the catalog in force
     * @param policyVersion   the policy that valued the diamonds
     */
    public WithdrawalReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(diamondsDebited, "diamondsDebited");
        Objects.requireNonNull(payout, "payout");
    }
}
