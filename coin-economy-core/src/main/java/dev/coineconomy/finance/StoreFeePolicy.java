package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.money.Ratio;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The commission the sales channel keeps, as an exact share of the price net of tax: one rate per
 * {@link Channel}, optionally overridden for a region × channel (e.g. a store's reduced rate in one
 * country).
 *
 * <p>The fee is charged on the price <em>net of included tax</em>, as app stores do in the EU and UK
 * (their commission is on the price excluding VAT). See {@link SaleSplit#of} for the rounding.
 *
 * <p>Immutable and thread-safe; the withers return new policies.
 *
 * @param rates     the fee rate of every channel, each at most 1
 * @param overrides rates for particular region × channel pairs, each at most 1
 */
public record StoreFeePolicy(Map<Channel, Ratio> rates, Map<PriceKey, Ratio> overrides) {

    /** The reference: in-app purchases pay the standard 30% store commission, the web 0%. */
    public static final StoreFeePolicy REFERENCE = new StoreFeePolicy(
            Map.of(Channel.APP, Ratio.of(3, 10), Channel.WEB, Ratio.of(0, 1)), Map.of());

    /**
     * Validates and copies the rates.
     *
     * @param rates     the fee rate of every channel, each at most 1
     * @param overrides rates for particular region × channel pairs, each at most 1
     * @throws NullPointerException     if an argument, key or value is {@code null}
     * @throws IllegalArgumentException if a channel has no rate or a rate exceeds 1
     */
    public StoreFeePolicy {
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(overrides, "overrides");
        Map<Channel, Ratio> r = new EnumMap<>(Channel.class);
        rates.forEach((k, v) -> r.put(Objects.requireNonNull(k, "channel"), Rates.requireShare(v, "fee rate")));
        for (Channel c : Channel.values()) {
            if (!r.containsKey(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "no store fee rate for channel %s", c));
            }
        }
        Map<PriceKey, Ratio> o = new LinkedHashMap<>();
        overrides.forEach((k, v) -> o.put(Objects.requireNonNull(k, "priceKey"), Rates.requireShare(v, "fee rate")));
        rates = Map.copyOf(r);
        overrides = Map.copyOf(o);
    }

    /**
     * The fee rate of a sale.
     *
     * @param channel the channel
     * @param region  the buyer's region
     * @return the region × channel override if there is one, else the channel's rate
     */
    public Ratio rate(Channel channel, Region region) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(region, "region");
        Ratio override = overrides.get(PriceKey.of(region, channel));
        return override != null ? override : rates.get(channel);
    }

    /**
     * Replaces the rate of a channel.
     *
     * @param channel the channel
     * @param rate    its fee rate, at most 1
     * @return a policy with that rate
     */
    public StoreFeePolicy withRate(Channel channel, Ratio rate) {
        Map<Channel, Ratio> r = new EnumMap<>(rates);
        r.put(Objects.requireNonNull(channel, "channel"), rate);
        return new StoreFeePolicy(r, overrides);
    }

    /**
     * Sets the rate of one channel in one region, overriding the channel's rate there.
     *
     * @param region  the region
     * @param channel the channel
     * @param rate    the fee rate, at most 1
     * @return a policy with that override
     */
    public StoreFeePolicy withOverride(Region region, Channel channel, Ratio rate) {
        Map<PriceKey, Ratio> o = new LinkedHashMap<>(overrides);
        o.put(PriceKey.of(region, channel), rate);
        return new StoreFeePolicy(rates, o);
    }
}
