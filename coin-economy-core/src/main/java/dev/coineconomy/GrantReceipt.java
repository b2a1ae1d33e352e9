package dev.coineconomy;

import dev.coineconomy.money.Coins;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of promotional coins granted by the platform: a lot worth nothing, whose coins still earn
 * creators diamonds (booked as promotion expense).
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param user           the user credited
 * @param coins          the coins granted
 * @param reason         why (the host's text, 1 to 200 characters)
 * @param catalogVersion the catalog in force
 * @param policyVersion  the policy in force
 */
public record GrantReceipt(RequestId requestId, long sequence, Instant instant, UserId user, Coins coins,
                           String reason, String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param user           the user credited
     * @param coins          the coins granted
     * @param reason         why (the host's text, 1 to 200 characters)
     * @param catalogVersion the catalog in force
     * @param policyVersion  the policy in force
     */
    public GrantReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(reason, "reason");
    }
}
