package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A coin pack: a number of coins sold at a price that depends on the buyer's region and the sales
 * channel. A pack with no price for a region × channel is not sold there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id     the stable id, e.g. {@code "coins-330"}
 * @param coins  the coins the pack credits, at least 1
 * @param prices the price book; every price positive and, in minor units, within {@code long}
 */
public record CoinPack(String id, Coins coins, Map<PriceKey, Money> prices) {

    /**
     * Validates the pack and copies the price book (keeping its order).
     *
     * @param id     the stable id, e.g. {@code "coins-330"}
     * @param coins  the coins the pack credits, at least 1
     * @param prices the price book; every price positive and, in minor units, within {@code long}
     * @throws NullPointerException     if an argument or a price is {@code null}
     * @throws IllegalArgumentException if the id is malformed, the coins zero, the price book empty
     *                                  or a price not positive
     */
    public CoinPack {
        CatalogIds.requireValid(id, "pack id");
        Objects.requireNonNull(coins, "coins");
        Objects.requireNonNull(prices, "prices");
        if (coins.isZero()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pack '%s' must credit at least 1 coin, got 0", id));
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pack '%s' has no price in any region", id));
        }
        Map<PriceKey, Money> copy = new LinkedHashMap<>();
        for (Map.Entry<PriceKey, Money> e : prices.entrySet()) {
            PriceKey key = Objects.requireNonNull(e.getKey(), "price key");
            Money price = Objects.requireNonNull(e.getValue(), "price");
            if (!price.isPositive()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pack '%s' price in %s must be positive, got %s", id, key, price));
            }
            try {
                price.toMinorUnits();
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pack '%s' price in %s is too large: %s", id, key, price), overflow);
            }
            copy.put(key, price);
        }
        prices = Collections.unmodifiableMap(copy);
    }

    /**
     * The price of this pack in a region and channel.
     *
     * @param region  the buyer's region
     * @param channel the sales channel
     * @return the price, or empty if the pack is not sold there
     */
    public Optional<Money> price(Region region, Channel channel) {
        return Optional.ofNullable(prices.get(PriceKey.of(region, channel)));
    }

    /**
     * Starts a pack.
     *
     * @param id    the pack id
     * @param coins the coins it credits
     * @return a builder to add prices to
     */
    public static Builder builder(String id, long coins) {
        return new Builder(id, Coins.of(coins));
    }

    /** Collects the prices of one pack. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Coins coins;
        private final Map<PriceKey, Money> prices = new LinkedHashMap<>();

        private Builder(String id, Coins coins) {
            this.id = CatalogIds.requireValid(id, "pack id");
            this.coins = coins;
        }

        /**
         * Adds the price in a region and channel.
         *
         * @param region  the region
         * @param channel the channel
         * @param price   the positive price
         * @return this builder
         * @throws IllegalArgumentException if a price for that region and channel was already added
         */
        public Builder price(Region region, Channel channel, Money price) {
            PriceKey key = PriceKey.of(region, channel);
            Objects.requireNonNull(price, "price");
            if (prices.putIfAbsent(key, price) != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pack '%s' already has a price in %s", id, key));
            }
            return this;
        }

        /**
         * Builds the pack.
         *
         * @return the pack
         */
        public CoinPack build() {
            return new CoinPack(id, coins, prices);
        }
    }
}
