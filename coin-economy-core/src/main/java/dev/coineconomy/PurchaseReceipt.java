package dev.coineconomy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a coin pack purchase.
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param user           the buyer
 * @param packId         the pack bought
 * @param region         the buyer's region
 * @param channel        the sales channel
 * @param coins          the coins credited
 * @param price          the price paid
 * @param catalogVersion the catalog that priced it
 * @param policyVersion  the policy in force
 */
public record PurchaseReceipt(RequestId requestId, long sequence, Instant instant, UserId user, String packId,
                              Region region, Channel channel, Coins coins, Money price,
                              String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param user           the buyer
     * @param packId         the pack bought
     * @param region         the buyer's region
     * @param channel        the sales channel
     * @param coins          the coins credited
     * @param price          the price paid
     * @param catalogVersion the catalog that priced it
     * @param policyVersion  the policy in force
     */
    public PurchaseReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(price, "price");
    }
}
