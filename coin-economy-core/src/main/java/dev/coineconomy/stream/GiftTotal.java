package dev.coineconomy.stream;

import dev.coineconomy.money.Coins;

import java.util.Locale;
import java.util.Objects;

/**
 * How much of one gift a creator received over a period.
 *
 * @param giftId   the gift
 * @param quantity how many were received, at least 1
 * @param coins    the coins they cost their senders
 */
public record GiftTotal(String giftId, long quantity, Coins coins) {

    /**
     * Validates the total.
     *
     * @param giftId   the gift
     * @param quantity how many were received, at least 1
     * @param coins    the coins they cost their senders
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code quantity} is below 1
     */
    public GiftTotal {
        Objects.requireNonNull(giftId, "giftId");
        Objects.requireNonNull(coins, "coins");
        if (quantity < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantity must be at least 1, got %d", quantity));
        }
    }
}
