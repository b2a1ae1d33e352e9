package dev.coineconomy.policy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-user spending caps, each optional: money paid for coin purchases and coins spent on gifts, per
 * calendar {@link CalendarPeriod#DAY day}, {@link CalendarPeriod#WEEK week} and
 * {@link CalendarPeriod#MONTH month} in {@link #zone()} (reference UTC). Weeks start on
 * {@link #weekStart()} (reference Monday, ISO 8601). Every bound is inclusive: a user may spend exactly
 * the limit.
 *
 * <p><b>Currencies.</b> A purchase limit is a {@link Money} and counts only purchases paid in its
 * currency: with a limit of USD 500 per day, purchases paid in EUR are not counted against it (no
 * exchange rate is involved). Limits in several currencies may be set for the same period; each counts
 * its own currency.
 *
 * <p><b>Counting.</b> A command counts in the period that contains its instant. A limit that is already
 * reached (because it was lowered, say) rejects every further command in that period; nothing accepted
 * is ever undone. Coins spent on gifts count their coin price, whatever the diamonds credited.
 *
 * <p>{@link #NONE} (no limit) is the reference; {@link #youtubeLike()} is a preset. Immutable and
 * thread-safe; the withers return new limits.
 */
public final class SpendingLimits {

    /** No limit at all: the reference. Zone UTC, weeks start on Monday. */
    public static final SpendingLimits NONE = new SpendingLimits(new EnumMap<>(CalendarPeriod.class),
            new EnumMap<>(CalendarPeriod.class), ZoneOffset.UTC, DayOfWeek.MONDAY);

    private static final SpendingLimits YOUTUBE_LIKE = NONE
            .withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "500.00"))
            .withPurchaseLimit(CalendarPeriod.WEEK, Money.of("USD", "2000.00"));

    private final EnumMap<CalendarPeriod, Map<Currency, Money>> purchase;
    private final EnumMap<CalendarPeriod, Coins> gift;
    private final ZoneId zone;
    private final DayOfWeek weekStart;

    private SpendingLimits(EnumMap<CalendarPeriod, Map<Currency, Money>> purchase,
                           EnumMap<CalendarPeriod, Coins> gift, ZoneId zone, DayOfWeek weekStart) {
        this.purchase = purchase;
        this.gift = gift;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekStart = Objects.requireNonNull(weekStart, "weekStart");
    }

    /**
     * A preset like YouTube Super Chat's viewer limits: at most USD 500.00 per calendar day and USD
     * 2,000.00 per calendar week of money paid for purchases in USD; no gift limit; UTC, weeks from Monday.
     *
     * @return the preset
     */
    public static SpendingLimits youtubeLike() {
        return YOUTUBE_LIKE;
    }

    /**
     * Sets the purchase limit of a period in the currency of {@code maximum} (replacing a limit of that
     * period in that currency; limits in other currencies stay).
     *
     * @param period  the period
     * @param maximum the most a user may pay for coins in the period, in that currency; not negative
     * @return limits with that limit
     * @throws IllegalArgumentException if {@code maximum} is negative
     */
    public SpendingLimits withPurchaseLimit(CalendarPeriod period, Money maximum) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(maximum, "maximum");
        if (maximum.isNegative()) {
            throw new IllegalArgumentException("purchase limit must not be negative: " + maximum);
        }
        maximum.toMinorUnits(); // counters are kept in minor units
        EnumMap<CalendarPeriod, Map<Currency, Money>> p = new EnumMap<>(purchase);
        Map<Currency, Money> byCurrency = new HashMap<>(p.getOrDefault(period, Map.of()));
        byCurrency.put(maximum.currency(), maximum);
        p.put(period, Map.copyOf(byCurrency));
        return new SpendingLimits(p, gift, zone, weekStart);
    }

    /**
     * Removes the purchase limit of a period in a currency (if any).
     *
     * @param period   the period
     * @param currency the currency
     * @return limits without it
     */
    public SpendingLimits withoutPurchaseLimit(CalendarPeriod period, Currency currency) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        EnumMap<CalendarPeriod, Map<Currency, Money>> p = new EnumMap<>(purchase);
        Map<Currency, Money> byCurrency = new HashMap<>(p.getOrDefault(period, Map.of()));
        byCurrency.remove(currency);
        if (byCurrency.isEmpty()) {
            p.remove(period);
        } else {
            p.put(period, Map.copyOf(byCurrency));
        }
        return new SpendingLimits(p, gift, zone, weekStart);
    }

    /**
     * Sets the gift limit of a period.
     *
     * @param period  the period
     * @param maximum the most coins a user may spend on gifts in the period
     * @return limits with that limit
     */
    public SpendingLimits withGiftLimit(CalendarPeriod period, Coins maximum) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(maximum, "maximum");
        EnumMap<CalendarPeriod, Coins> g = new EnumMap<>(gift);
        g.put(period, maximum);
        return new SpendingLimits(purchase, g, zone, weekStart);
    }

    /**
     * Removes the gift limit of a period (if any).
     *
     * @param period the period
     * @return limits without it
     */
    public SpendingLimits withoutGiftLimit(CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        EnumMap<CalendarPeriod, Coins> g = new EnumMap<>(gift);
        g.remove(period);
        return new SpendingLimits(purchase, g, zone, weekStart);
    }

    /**
     * @param value the zone whose calendar the periods follow
     * @return limits in that zone
     */
    public SpendingLimits withZone(ZoneId value) {
        return new SpendingLimits(purchase, gift, Objects.requireNonNull(value, "zone"), weekStart);
    }

    /**
     * @param value the first day of a calendar week
     * @return limits with that week start
     */
    public SpendingLimits withWeekStart(DayOfWeek value) {
        return new SpendingLimits(purchase, gift, zone, Objects.requireNonNull(value, "weekStart"));
    }

    /**
     * The purchase limit of a period in a currency.
     *
     * @param period   the period
     * @param currency the currency of the purchase
     * @return the limit, or empty if purchases in that currency are not limited in that period
     */
    public Optional<Money> purchaseLimit(CalendarPeriod period, Currency currency) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Map<Currency, Money> byCurrency = purchase.get(period);
        return byCurrency == null ? Optional.empty() : Optional.ofNullable(byCurrency.get(currency));
    }

    /**
     * The gift limit of a period.
     *
     * @param period the period
     * @return the limit in coins, or empty if gifts are not limited in that period
     */
    public Optional<Coins> giftLimit(CalendarPeriod period) {
        return Optional.ofNullable(gift.get(Objects.requireNonNull(period, "period")));
    }

    /**
     * The purchase limits of a period, in every currency that has one.
     *
     * @param period the period
     * @return the limits by currency (unmodifiable, empty if purchases are not limited in that period)
     */
    public Map<Currency, Money> purchaseLimits(CalendarPeriod period) {
        return purchase.getOrDefault(Objects.requireNonNull(period, "period"), Map.of());
    }

    /** @return {@code true} if some purchase limit is set */
    public boolean limitsPurchases() {
        return !purchase.isEmpty();
    }

    /** @return {@code true} if some gift limit is set */
    public boolean limitsGifts() {
        return !gift.isEmpty();
    }

    /** @return the zone whose calendar the periods follow (reference UTC) */
    public ZoneId zone() {
        return zone;
    }

    /** @return the first day of a calendar week (reference Monday) */
    public DayOfWeek weekStart() {
        return weekStart;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpendingLimits other && purchase.equals(other.purchase) && gift.equals(other.gift)
                && zone.equals(other.zone) && weekStart == other.weekStart;
    }

    @Override
    public int hashCode() {
        return Objects.hash(purchase, gift, zone, weekStart);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SpendingLimits[");
        for (CalendarPeriod p : CalendarPeriod.values()) {
            Map<Currency, Money> byCurrency = purchase.get(p);
            if (byCurrency != null) {
                TreeMap<String, Money> sorted = new TreeMap<>();
                byCurrency.forEach((c, m) -> sorted.put(c.getCurrencyCode(), m));
                for (Money m : sorted.values()) {
                    b.append(String.format(Locale.ROOT, "purchase %s per %s, ", m, p));
                }
            }
        }
        gift.forEach((p, c) -> b.append(String.format(Locale.ROOT, "gifts %s per %s, ", c, p)));
        return b.append("zone ").append(zone).append(", weeks from ").append(weekStart).append(']').toString();
    }
}
