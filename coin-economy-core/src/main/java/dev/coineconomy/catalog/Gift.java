package dev.coineconomy.catalog;

import dev.coineconomy.money.Coins;

import java.util.Locale;
import java.util.Objects;

/**
 * A virtual gift of the catalog: what a viewer sends a creator, priced in coins.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id    the stable id, e.g. {@code "hand-hearts"} (lower-case letters, digits, inner hyphens)
 * @param name  the display name, e.g. {@code "Hand Hearts"}
 * @param price the price of one gift, at least one coin
 */
public record Gift(String id, String name, Coins price) {

    /**
     * Validates the gift.
     *
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the id is malformed, the name blank or the price zero
     */
    public Gift {
        CatalogIds.requireValid(id, "gift id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (name.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "gift '%s' has a blank name", id));
        }
        if (price.isZero()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gift '%s' must cost at least 1 coin, got %d", id, price.amount()));
        }
    }

    /**
     * A gift.
     *
     * @param id    the id
     * @param name  the display name
     * @param coins the coin price of one gift, at least 1
     * @return the gift
     */
    public static Gift of(String id, String name, long coins) {
        return new Gift(id, name, Coins.of(coins));
    }
}
