package dev.coineconomy.catalog;

import dev.coineconomy.money.Coins;

import java.util.Locale;
import java.util.Objects;

/**
 * A virtual gift of the catalog: what a viewer sends a creator, priced in coins, and where, when and in
 * which contexts it is offered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id           the stable id, e.g. {@code "hand-hearts"} (lower-case letters, digits, inner hyphens)
 * @param name         the display name, e.g. {@code "Hand Hearts"}
 * @param price        the price of one gift, at least one coin
 * @param availability where, when and in which contexts the gift is offered
 *                     ({@link GiftAvailability#ALWAYS} unless narrowed)
 */
public record Gift(String id, String name, Coins price, GiftAvailability availability) {

    /**
     * Validates the gift.
     *
     * @param id           the stable id, e.g. {@code "hand-hearts"} (lower-case letters, digits, inner hyphens)
     * @param name         the display name, e.g. {@code "Hand Hearts"}
     * @param price        the price of one gift, at least one coin
     * @param availability where, when and in which contexts the gift is offered
     *                     ({@link GiftAvailability#ALWAYS} unless narrowed)
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the id is malformed, the name blank or the price zero
     */
    public Gift {
        CatalogIds.requireValid(id, "gift id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(availability, "availability");
        if (name.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "gift '%s' has a blank name", id));
        }
        if (price.isZero()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gift '%s' must cost at least 1 coin, got %d", id, price.amount()));
        }
    }

    /**
     * A gift offered everywhere, at any time, on LIVE and VIDEO.
     *
     * @param id    the id
     * @param name  the display name
     * @param price the price of one gift, at least one coin
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the id is malformed, the name blank or the price zero
     */
    public Gift(String id, String name, Coins price) {
        this(id, name, price, GiftAvailability.ALWAYS);
    }

    /**
     * A gift offered everywhere, at any time, on LIVE and VIDEO.
     *
     * @param id    the id
     * @param name  the display name
     * @param coins the coin price of one gift, at least 1
     * @return the gift
     */
    public static Gift of(String id, String name, long coins) {
        return new Gift(id, name, Coins.of(coins));
    }

    /**
     * A gift with a narrowed availability.
     *
     * @param id           the id
     * @param name         the display name
     * @param coins        the coin price of one gift, at least 1
     * @param availability where, when and in which contexts it is offered
     * @return the gift
     */
    public static Gift of(String id, String name, long coins, GiftAvailability availability) {
        return new Gift(id, name, Coins.of(coins), availability);
    }

    /**
     * Replaces the availability.
     *
     * @param value where, when and in which contexts the gift is offered
     * @return a gift like this one with that availability
     */
    public Gift withAvailability(GiftAvailability value) {
        return new Gift(id, name, price, value);
    }
}
