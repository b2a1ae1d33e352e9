package dev.coineconomy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;

import java.util.Objects;

/**
 * A user's balances at one moment. Immutable and thread-safe.
 *
 * <p>A user's coin balance may be negative after a chargeback (the reference NEGATIVE_BALANCE policy):
 * then {@code coins} is zero and {@code coinsOwed} is the debt, which the next purchase or grant repays;
 * the user may neither gift nor withdraw meanwhile. Diamonds on hold and in pending payouts are not part
 * of {@code diamonds} (see {@link CoinEconomy#payout} and the trial balance).
 *
 * @param user      the user
 * @param coins     spendable coins
 * @param diamonds  diamonds available to withdraw (earned, not on hold, not in a payout)
 * @param coinsOwed coins owed after a chargeback (0 unless the balance is negative)
 */
public record Wallet(UserId user, Coins coins, Diamonds diamonds, Coins coinsOwed) {

    /**
     * Validates that no component is missing and that a wallet does not both hold and owe coins.
     *
     * @param user      the user
     * @param coins     spendable coins
     * @param diamonds  diamonds available to withdraw (earned, not on hold, not in a payout)
     * @param coinsOwed coins owed after a chargeback (0 unless the balance is negative)
     * @throws IllegalArgumentException if {@code coins} and {@code coinsOwed} are both positive
     */
    public Wallet {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(coinsOwed, "coinsOwed");
        if (!coins.isZero() && !coinsOwed.isZero()) {
            throw new IllegalArgumentException("a wallet cannot hold " + coins + " and owe " + coinsOwed);
        }
    }

    /**
     * A wallet that owes nothing.
     *
     * @param user     the user
     * @param coins    spendable coins
     * @param diamonds diamonds available to withdraw
     */
    public Wallet(UserId user, Coins coins, Diamonds diamonds) {
        this(user, coins, diamonds, Coins.zero());
    }
}
