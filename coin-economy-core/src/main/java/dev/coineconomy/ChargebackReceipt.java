package dev.coineconomy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of a chargeback: the payment provider took the purchase's gross back.
 *
 * @param requestId      the command's idempotency key
 * @param sequence       the journal position, from 1
 * @param instant        when it was accepted
 * @param user           the buyer
 * @param purchase       the purchase charged back (its request id)
 * @param coinsRemoved   the coins taken from the buyer (all the lot's coins under NEGATIVE_BALANCE, so the
 *                       balance may go negative; its unspent coins under CLAWBACK)
 * @param chargedBack    the gross taken back
 * @param coinsOwed      the buyer's coins owed after it (a negative balance; 0 under CLAWBACK)
 * @param clawedBack     the diamonds clawed back from creators (0 under NEGATIVE_BALANCE)
 * @param catalogVersion the catalog in force
 * @param policyVersion  the policy that decided it
 */
public record ChargebackReceipt(RequestId requestId, long sequence, Instant instant, UserId user, RequestId purchase,
                                Coins coinsRemoved, Money chargedBack, Coins coinsOwed, Diamonds clawedBack,
                                String catalogVersion, String policyVersion) implements Receipt {

    /**
     * Validates that no component is missing.
     *
     * @param requestId      the command's idempotency key
     * @param sequence       the journal position, from 1
     * @param instant        when it was accepted
     * @param user           the buyer
     * @param purchase       the purchase charged back (its request id)
     * @param coinsRemoved   the coins taken from the buyer (all the lot's coins under NEGATIVE_BALANCE, so the
     *                       balance may go negative; its unspent coins under CLAWBACK)
     * @param chargedBack    the gross taken back
     * @param coinsOwed      the buyer's coins owed after it (a negative balance; 0 under CLAWBACK)
     * @param clawedBack     the diamonds clawed back from creators (0 under NEGATIVE_BALANCE)
     * @param catalogVersion the catalog in force
     * @param policyVersion  the policy that decided it
     */
    public ChargebackReceipt {
        Receipts.requireCommon(requestId, sequence, instant, catalogVersion, policyVersion);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(coinsRemoved, "coinsRemoved");
        Objects.requireNonNull(chargedBack, "chargedBack");
        Objects.requireNonNull(coinsOwed, "coinsOwed");
        Objects.requireNonNull(clawedBack, "clawedBack");
    }
}
