package dev.coineconomy.store;

import dev.coineconomy.UserId;

import java.util.Objects;

/**
 * A user's committed balances as a store holds them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user          the user
 * @param coins         spendable coins
 * @param diamonds      diamonds, including every committed credit
 * @param coinsReceived coins ever received in gifts (the running total of exact carry)
 */
public record UserState(UserId user, long coins, long diamonds, long coinsReceived) {

    /**
     * Validates the state.
     *
     * @param user          the user
     * @param coins         spendable coins
     * @param diamonds      diamonds, including every committed credit
     * @param coinsReceived coins ever received in gifts (the running total of exact carry)
     * @throws NullPointerException if {@code user} is {@code null}
     */
    public UserState {
        Objects.requireNonNull(user, "user");
    }

    /**
     * The state of a user the store has never seen.
     *
     * @param user the user
     * @return all zero
     */
    public static UserState empty(UserId user) {
        return new UserState(user, 0, 0, 0);
    }
}
