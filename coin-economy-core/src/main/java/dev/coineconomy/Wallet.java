package dev.coineconomy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;

import java.util.Objects;

/**
 * A user's balances at one moment. Immutable and thread-safe.
 *
 * @param user     the user
 * @param coins    spendable coins
 * @param diamonds diamonds held (earned and not yet cashed out)
 */
public record Wallet(UserId user, Coins coins, Diamonds diamonds) {

    /** Validates that no component is missing. */
    public Wallet {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(diamonds, "diamonds");
    }
}
