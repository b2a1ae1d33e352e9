package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.CalendarPeriod;
import dev.coineconomy.policy.LimitKind;
import dev.coineconomy.policy.SpendingLimits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounting of {@link SpendingLimits}, as pure functions. The store keeps, per user, one counter
 * per <em>period key</em> (a stable string naming what is counted and the calendar period, e.g.
 * {@code gift-coins:D:2026-11-25} or {@code purchase:USD:W:2026-W48}); counters are in minor units of
 * the currency for purchases and in coins for gifts.
 *
 * <p>A command that spends uses them, inside the user's transaction, like this:
 * <ol>
 *   <li>{@code checks = purchase(limits, currency, instant)} or {@code gift(limits, instant)} — the
 *       limits that apply, each with its key (empty when nothing is limited: skip the rest);</li>
 *   <li>read the user's counter of each {@code check.key()} (0 if absent);</li>
 *   <li>{@code check(user, checks, spent, requested)} — throws {@code LIMIT_EXCEEDED} or returns;</li>
 *   <li>on commit, add {@code requested} to the counter of every {@code check.key()}.</li>
 * </ol>
 * A rejected command adds nothing; a retried command answered from the idempotency index must not reach
 * step 4 again.
 *
 * <p>Period labels: a day is its ISO date ({@code 2026-11-25}); a week starting on Monday is its ISO week
 * ({@code 2026-W48}, of the week-based year); a week starting on another day is its first date and
 * length ({@code 2026-11-22/P1W}); a month is {@code 2026-11}. All follow the calendar of the limits'
 * zone.
 */
public final class SpendingWindows {

    private SpendingWindows() {
    }

    /**
     * One limit that applies to a command, with the counter it reads.
     *
     * @param kind     the limit
     * @param currency the currency of a purchase limit, {@code null} for a gift limit
     * @param period   the label of the calendar period containing the command's instant
     * @param key      the counter's key: {@link #periodKey}
     * @param maximum  the limit, in minor units (purchases) or coins (gifts)
     */
    public record LimitCheck(LimitKind kind, Currency currency, String period, String key, long maximum) {

        /**
         * Validates the check.
         *
         * @throws NullPointerException     if a required argument is {@code null}
         * @throws IllegalArgumentException if the currency is missing (or present) where it must be, or the
         *                                  maximum is negative
         */
        public LimitCheck {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(key, "key");
            if (kind.isPurchase() != (currency != null)) {
                throw new IllegalArgumentException("a purchase limit needs a currency, a gift limit none: "
                        + kind + " " + currency);
            }
            if (maximum < 0) {
                throw new IllegalArgumentException("maximum must not be negative: " + maximum);
            }
        }

        private Object amount(long units) {
            return currency != null ? Money.ofMinor(currency, units) : Coins.of(units);
        }
    }

    /**
     * The limits that apply to a purchase paid in {@code currency} at {@code at}, day before week before
     * month.
     *
     * @param limits   the limits
     * @param currency the currency the purchase is paid in
     * @param at       the command's instant
     * @return the checks, empty if no purchase in that currency is limited
     */
    public static List<LimitCheck> purchase(SpendingLimits limits, Currency currency, Instant at) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        if (!limits.limitsPurchases()) {
            return List.of();
        }
        List<LimitCheck> checks = new ArrayList<>(3);
        LocalDate date = null;
        for (CalendarPeriod p : CalendarPeriod.values()) {
            Optional<Money> max = limits.purchaseLimit(p, currency);
            if (max.isPresent()) {
                date = date != null ? date : Eligibility.date(at, limits.zone());
                String label = label(p, date, limits.weekStart());
                LimitKind kind = LimitKind.purchase(p);
                checks.add(new LimitCheck(kind, currency, label, key(kind, currency, label),
                        max.get().toMinorUnits()));
            }
        }
        return List.copyOf(checks);
    }

    /**
     * The limits that apply to gifts sent at {@code at}, day before week before month.
     *
     * @param limits the limits
     * @param at     the command's instant
     * @return the checks, empty if gifts are not limited
     */
    public static List<LimitCheck> gift(SpendingLimits limits, Instant at) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(at, "at");
        if (!limits.limitsGifts()) {
            return List.of();
        }
        LocalDate day = Eligibility.date(at, limits.zone());
        GiftChecks cached = lastGiftChecks;
        if (cached != null && cached.limits == limits && cached.day.equals(day)) {
            return cached.checks; // the checks of a day are the same for every gift of that day
        }
        List<LimitCheck> checks = new ArrayList<>(3);
        LocalDate date = null;
        for (CalendarPeriod p : CalendarPeriod.values()) {
            Optional<Coins> max = limits.giftLimit(p);
            if (max.isPresent()) {
                date = date != null ? date : Eligibility.date(at, limits.zone());
                String label = label(p, date, limits.weekStart());
                LimitKind kind = LimitKind.gift(p);
                checks.add(new LimitCheck(kind, null, label, key(kind, null, label), max.get().amount()));
            }
        }
        List<LimitCheck> result = List.copyOf(checks);
        lastGiftChecks = new GiftChecks(limits, day, result);
        return result;
    }

    /** The gift checks last computed, for the limits and calendar day they were computed for. */
    private record GiftChecks(SpendingLimits limits, LocalDate day, List<LimitCheck> checks) {
    }

    private static volatile GiftChecks lastGiftChecks;

    /**
     * The counter key of a limit at an instant: {@code purchase:<currency>:<D|W|M>:<period>} or
     * {@code gift-coins:<D|W|M>:<period>}. Two instants share a key exactly when they fall in the same
     * calendar period of the limits' zone and week start.
     *
     * @param limits   the limits (for the zone and week start)
     * @param kind     the limit
     * @param currency the purchase currency, {@code null} for a gift limit
     * @param at       the instant
     * @return the key
     */
    public static String periodKey(SpendingLimits limits, LimitKind kind, Currency currency, Instant at) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (kind.isPurchase() != (currency != null)) {
            throw new IllegalArgumentException("a purchase limit needs a currency, a gift limit none: "
                    + kind + " " + currency);
        }
        return key(kind, currency, periodLabel(limits, kind.period(), at));
    }

    /**
     * The label of the calendar period containing an instant.
     *
     * @param limits the limits (for the zone and week start)
     * @param period the period
     * @param at     the instant
     * @return e.g. {@code 2026-11-25}, {@code 2026-W48}, {@code 2026-11-22/P1W}, {@code 2026-11}
     */
    public static String periodLabel(SpendingLimits limits, CalendarPeriod period, Instant at) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(at, "at");
        return label(period, Eligibility.date(at, limits.zone()), limits.weekStart());
    }

    /**
     * Checks that spending {@code requested} more keeps every limit, given what was spent in each
     * limit's period.
     *
     * <p>If several limits would be exceeded, the rejection names the one with the least remaining
     * (the first in {@code checks} order — day, week, month — on a tie), so that its {@code remaining}
     * is what the user may still spend.
     *
     * @param user      the user (named in the rejection)
     * @param checks    the limits that apply ({@link #purchase} or {@link #gift})
     * @param spent     the counter of each check, same order, not negative
     * @param requested the amount of the command, positive or zero, in minor units or coins
     * @throws EconomyException         {@code LIMIT_EXCEEDED}, values {@code user}, {@code limit},
     *                                  {@code period}, {@code maximum}, {@code spent}, {@code requested},
     *                                  {@code remaining} (amounts as {@code Money} or {@code Coins})
     * @throws IllegalArgumentException if the lengths differ or an amount is negative
     */
    public static void check(UserId user, List<LimitCheck> checks, long[] spent, long requested) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(spent, "spent");
        if (spent.length != checks.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d counters for %d limit checks", spent.length, checks.size()));
        }
        if (requested < 0) {
            throw new IllegalArgumentException("requested must not be negative: " + requested);
        }
        int worst = -1;
        long worstRemaining = Long.MAX_VALUE;
        for (int i = 0; i < spent.length; i++) {
            if (spent[i] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "counter %s must not be negative: %d", checks.get(i).key(), spent[i]));
            }
            long remaining = remaining(checks.get(i).maximum(), spent[i]);
            if (requested > remaining && remaining < worstRemaining) {
                worst = i;
                worstRemaining = remaining;
            }
        }
        if (worst >= 0) {
            throw exceeded(user, checks.get(worst), spent[worst], requested);
        }
    }

    /**
     * {@link #check(UserId, List, long[], long)} with counters by key (a missing key counts 0).
     */
    public static void check(UserId user, List<LimitCheck> checks, Map<String, Long> spentByKey, long requested) {
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(spentByKey, "spentByKey");
        long[] spent = new long[checks.size()];
        for (int i = 0; i < spent.length; i++) {
            Long s = spentByKey.get(checks.get(i).key());
            spent[i] = s == null ? 0 : s;
        }
        check(user, checks, spent, requested);
    }

    /**
     * What may still be spent under all the checks.
     *
     * @param checks the limits that apply
     * @param spent  the counter of each check, same order
     * @return the least remaining amount, or {@link Long#MAX_VALUE} if {@code checks} is empty
     */
    public static long allowed(List<LimitCheck> checks, long[] spent) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < checks.size(); i++) {
            min = Math.min(min, remaining(checks.get(i).maximum(), spent[i]));
        }
        return min;
    }

    // ---- internals ---------------------------------------------------------------------------------

    private static long remaining(long maximum, long spent) {
        return spent >= maximum ? 0 : maximum - spent; // both non-negative: no overflow
    }

    private static EconomyException exceeded(UserId user, LimitCheck c, long spent, long requested) {
        Object max = c.amount(c.maximum());
        Object sp = c.amount(spent);
        Object req = c.amount(requested);
        Object rem = c.amount(remaining(c.maximum(), spent));
        return Rules.reject(RejectionCode.LIMIT_EXCEEDED,
                String.format(Locale.ROOT,
                        "%s of %s would take user %s past the limit %s of %s in period %s (spent %s, remaining %s)",
                        req, c.kind().isPurchase() ? "purchases" : "gifts", user, c.kind(), max, c.period(), sp, rem),
                "user", user, "limit", c.kind(), "period", c.period(), "maximum", max,
                "spent", sp, "requested", req, "remaining", rem);
    }

    private static String key(LimitKind kind, Currency currency, String label) {
        char p = kind.period() == CalendarPeriod.DAY ? 'D' : kind.period() == CalendarPeriod.WEEK ? 'W' : 'M';
        return kind.isPurchase()
                ? "purchase:" + currency.getCurrencyCode() + ':' + p + ':' + label
                : "gift-coins:" + p + ':' + label;
    }

    private static String label(CalendarPeriod period, LocalDate date, DayOfWeek weekStart) {
        switch (period) {
            case DAY:
                return date.toString();
            case WEEK:
                if (weekStart == DayOfWeek.MONDAY) {
                    return String.format(Locale.ROOT, "%d-W%02d",
                            date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                }
                return date.with(TemporalAdjusters.previousOrSame(weekStart)) + "/P1W";
            default:
                return YearMonth.from(date).toString();
        }
    }
}
