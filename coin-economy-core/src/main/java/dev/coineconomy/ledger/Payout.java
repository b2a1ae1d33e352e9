package dev.coineconomy.ledger;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;

import java.util.Objects;

/**
 * A payout as it stands: the withdrawal that created it and its state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param withdrawal the withdrawal's request id
 * @param creator    the creator paid
 * @param diamonds   the diamonds withdrawn
 * @param amount     their cash value, whole minor units
 * @param state      PENDING, PAID or FAILED
 */
public record Payout(RequestId withdrawal, UserId creator, Diamonds diamonds, Money amount, PayoutState state) {

    /**
     * Validates that no component is missing.
     *
     * @param withdrawal the withdrawal's request id
     * @param creator    the creator paid
     * @param diamonds   the diamonds withdrawn
     * @param amount     their cash value, whole minor units
     * @param state      PENDING, PAID or FAILED
     */
    public Payout {
        Objects.requireNonNull(withdrawal, "withdrawal");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(diamonds, "diamonds");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(state, "state");
    }
}
