package dev.coineconomy.internal;

import dev.coineconomy.Channel;
import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.GiftAvailability;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.catalog.UnavailableReason;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.PayoutPolicy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The business rules, as pure functions: no I/O, no clock, no shared state. Each either returns the
 * decision's numbers or throws the {@link EconomyException} that names the broken rule and the values
 * involved. The facade applies the decision; nothing here changes anything.
 */
public final class Rules {

    private Rules() {
    }

    // ---- purchase ----------------------------------------------------------------------------

    /**
     * The price row a purchase uses.
     *
     * @throws EconomyException {@code UNKNOWN_PACK}, or {@code NOT_SOLD_IN_REGION} if the pack has no
     *                          price for that region × channel
     */
    public static CatalogIndex.PriceRow priceRow(CatalogIndex catalog, String packId, Region region, Channel channel) {
        CatalogIndex.PriceRow row = catalog.row(packId, region, channel);
        if (row != null) {
            return row;
        }
        if (!catalog.hasPack(packId)) {
            throw reject(RejectionCode.UNKNOWN_PACK,
                    String.format(Locale.ROOT, "no coin pack '%s' in catalog %s", packId, catalog.catalog().version()),
                    "packId", packId, "catalogVersion", catalog.catalog().version());
        }
        throw reject(RejectionCode.NOT_SOLD_IN_REGION,
                String.format(Locale.ROOT, "coin pack '%s' has no price in region %s on channel %s",
                        packId, region, channel),
                "packId", packId, "region", region, "channel", channel);
    }

    /**
     * Checks that issuing {@code coins} more keeps the supply within its maximum.
     *
     * @throws EconomyException {@code COIN_SUPPLY_LIMIT}
     */
    public static void checkSupply(long issued, long coins, long maximum) {
        if (coins > maximum - issued) {
            throw reject(RejectionCode.COIN_SUPPLY_LIMIT,
                    String.format(Locale.ROOT,
                            "selling %d more coins would take the %d coins issued past the maximum of %d",
                            coins, issued, maximum),
                    "issued", Coins.of(issued), "pack", Coins.of(coins), "maximum", Coins.of(maximum));
        }
    }

    // ---- gift --------------------------------------------------------------------------------

    /**
     * The gift a command names.
     *
     * @throws EconomyException {@code UNKNOWN_GIFT}
     */
    public static CatalogIndex.GiftSlot gift(CatalogIndex catalog, String giftId) {
        CatalogIndex.GiftSlot slot = catalog.gift(giftId);
        if (slot == null) {
            throw reject(RejectionCode.UNKNOWN_GIFT,
                    String.format(Locale.ROOT, "no gift '%s' in catalog %s", giftId, catalog.catalog().version()),
                    "giftId", giftId, "catalogVersion", catalog.catalog().version());
        }
        return slot;
    }

    /**
     * Checks that a gift goes to someone else.
     *
     * @throws EconomyException {@code SELF_GIFT}
     */
    public static void checkNotSelf(UserId sender, UserId creator) {
        if (sender.equals(creator)) {
            throw reject(RejectionCode.SELF_GIFT,
                    String.format(Locale.ROOT, "user %s cannot send gifts to themselves", sender),
                    "user", sender);
        }
    }

    /**
     * The coins {@code quantity} gifts cost.
     *
     * @throws IllegalArgumentException if {@code quantity × price} overflows {@code long}
     */
    public static long giftCost(CatalogIndex.GiftSlot gift, long quantity) {
        long hi = Math.multiplyHigh(quantity, gift.price());
        long cost = quantity * gift.price();
        if (hi != 0 || cost < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantity %d x price %d coins of gift '%s' overflows a long", quantity, gift.price(), gift.gift().id()));
        }
        return cost;
    }

    /**
     * The rejection of a gift the sender cannot pay for.
     *
     * @return {@code INSUFFICIENT_COINS}
     */
    public static EconomyException insufficientCoins(UserId sender, long needed, long available) {
        return reject(RejectionCode.INSUFFICIENT_COINS,
                String.format(Locale.ROOT, "user %s has %d coins, the gifts cost %d", sender, available, needed),
                "user", sender, "needed", Coins.of(needed), "available", Coins.of(available));
    }

    /**
     * Checks that a gift is offered to a sender in {@code region}, at {@code at}, in {@code context}
     * (see {@link GiftAvailability#check}: region first, then window, then context).
     *
     * @param gift    the gift
     * @param region  the sender's region
     * @param at      the instant of the command
     * @param context where the gift is sent
     * @throws EconomyException {@code GIFT_NOT_AVAILABLE} with values {@code giftId}, {@code reason}
     *                          ({@link UnavailableReason}) and, for REGION, {@code region} and
     *                          {@code allowedRegions}; for WINDOW, {@code at}, {@code availableFrom} and
     *                          {@code availableUntil} (either may be {@code null}: no bound); for CONTEXT,
     *                          {@code context} and {@code allowedContexts}
     */
    public static void checkAvailable(Gift gift, Region region, Instant at, GiftContext context) {
        GiftAvailability availability = gift.availability();
        Optional<UnavailableReason> reason = availability.check(region, at, context);
        if (reason.isEmpty()) {
            return;
        }
        String id = gift.id();
        switch (reason.get()) {
            case REGION -> throw reject(RejectionCode.GIFT_NOT_AVAILABLE,
                    String.format(Locale.ROOT, "gift '%s' is not offered in region %s (offered in %s)",
                            id, region, join(availability.regions())),
                    "giftId", id, "reason", UnavailableReason.REGION, "region", region,
                    "allowedRegions", availability.regions());
            case WINDOW -> throw reject(RejectionCode.GIFT_NOT_AVAILABLE,
                    String.format(Locale.ROOT, "gift '%s' is offered %s, not at %s",
                            id, availability.describeWindow(), at),
                    "giftId", id, "reason", UnavailableReason.WINDOW, "at", at,
                    "availableFrom", availability.availableFrom(), "availableUntil", availability.availableUntil());
            case CONTEXT -> throw reject(RejectionCode.GIFT_NOT_AVAILABLE,
                    String.format(Locale.ROOT, "gift '%s' is not offered on %s (offered on %s)",
                            id, context, join(availability.contexts())),
                    "giftId", id, "reason", UnavailableReason.CONTEXT, "context", context,
                    "allowedContexts", availability.contexts());
        }
    }

    private static String join(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    // ---- withdrawal --------------------------------------------------------------------------

    /**
     * Decides a withdrawal. Checks, in this order: the diamonds are worth whole minor units
     * ({@code NOT_WHOLE_CENTS}), the payout reaches the minimum ({@code BELOW_MINIMUM_WITHDRAWAL}), the
     * creator holds the diamonds ({@code INSUFFICIENT_DIAMONDS}), and the day's total stays within the
     * limit ({@code DAILY_WITHDRAWAL_LIMIT}).
     *
     * @param policy         the payout rule
     * @param creator        the creator
     * @param diamonds       the diamonds to cash out, positive
     * @param available      the diamonds the creator holds
     * @param withdrawnToday minor units already withdrawn on {@code day}
     * @param day            the calendar day in the policy's zone
     * @return the payout in minor units
     * @throws EconomyException if a rule is broken
     */
    public static long withdrawal(PayoutPolicy policy, UserId creator, long diamonds, long available,
                                  long withdrawnToday, LocalDate day) {
        DiamondValue value = policy.diamondValue();
        if (!value.isPayable(diamonds)) {
            long step = value.diamondStep();
            long below = diamonds - diamonds % step;
            long above = below > Long.MAX_VALUE - step ? below : below + step;
            throw reject(RejectionCode.NOT_WHOLE_CENTS,
                    String.format(Locale.ROOT,
                            "%d diamonds at %s are not worth a whole number of %s minor units; withdraw a multiple of %d (e.g. %d or %d)",
                            diamonds, value, value.currency().getCurrencyCode(), step, below, above),
                    "requested", Diamonds.of(diamonds), "step", step,
                    "payableBelow", Diamonds.of(below), "payableAbove", Diamonds.of(above));
        }
        long payout;
        Money payoutMoney;
        try {
            payout = value.floorMinorUnits(diamonds);
            payoutMoney = Money.ofMinor(value.currency(), payout);
        } catch (ArithmeticException overflow) {
            payout = Long.MAX_VALUE; // beyond any daily limit, which fits in a long
            // the rejection still names the exact payout (payable, so diamonds x rate is whole)
            Ratio rate = value.minorUnitsPerDiamond();
            BigInteger minor = BigInteger.valueOf(diamonds).multiply(BigInteger.valueOf(rate.numerator()))
                    .divide(BigInteger.valueOf(rate.denominator()));
            payoutMoney = Money.of(value.currency(),
                    new BigDecimal(minor, value.currency().getDefaultFractionDigits()));
        }
        if (payoutMoney.isLessThan(policy.minimum())) {
            throw reject(RejectionCode.BELOW_MINIMUM_WITHDRAWAL,
                    String.format(Locale.ROOT, "payout %s for %d diamonds is below the minimum withdrawal %s",
                            payoutMoney, diamonds, policy.minimum()),
                    "payout", payoutMoney, "minimum", policy.minimum(), "requested", Diamonds.of(diamonds));
        }
        if (diamonds > available) {
            throw reject(RejectionCode.INSUFFICIENT_DIAMONDS,
                    String.format(Locale.ROOT, "user %s has %d diamonds, requested %d", creator, available, diamonds),
                    "user", creator, "requested", Diamonds.of(diamonds), "available", Diamonds.of(available));
        }
        long limit = policy.dailyLimit().toMinorUnits();
        if (payout > limit - withdrawnToday) {
            Money today = Money.ofMinor(value.currency(), withdrawnToday);
            Money remaining = Money.ofMinor(value.currency(), Math.max(0, limit - withdrawnToday));
            throw reject(RejectionCode.DAILY_WITHDRAWAL_LIMIT,
                    String.format(Locale.ROOT,
                            "payout %s would take user %s past the daily limit %s on %s (withdrawn %s, remaining %s)",
                            payoutMoney, creator, policy.dailyLimit(), day, today, remaining),
                    "payout", payoutMoney, "limit", policy.dailyLimit(), "withdrawnToday", today,
                    "remaining", remaining, "day", day);
        }
        return payout;
    }

    // ---- shared ------------------------------------------------------------------------------

    /**
     * Builds a rejection from alternating names and values.
     *
     * @return the exception (not thrown)
     */
    public static EconomyException reject(RejectionCode code, String message, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new EconomyException(code, message, values);
    }
}
