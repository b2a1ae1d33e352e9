package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;

import java.util.Objects;

/**
 * Where a coin pack price applies: a region and a sales channel. Immutable and thread-safe.
 *
 * @param region  the buyer's region
 * @param channel the sales channel
 */
public record PriceKey(Region region, Channel channel) {

    /**
     * Validates the key.
     *
     * @param region  the buyer's region
     * @param channel the sales channel
     * @throws NullPointerException if an argument is {@code null}
     */
    public PriceKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * The key for a region and channel.
     *
     * @param region  the region
     * @param channel the channel
     * @return the key
     */
    public static PriceKey of(Region region, Channel channel) {
        return new PriceKey(region, channel);
    }

    @Override
    public String toString() {
        return region + "/" + channel;
    }
}
