package dev.coineconomy.policy;

import java.util.Objects;

/**
 * A spending limit: what it counts and over which calendar period. The {@code limit} value of a
 * {@code LIMIT_EXCEEDED} rejection.
 */
public enum LimitKind {
    /** Money paid for coin purchases per calendar day, per currency. */
    PURCHASE_MONEY_PER_DAY(CalendarPeriod.DAY, true),
    /** Money paid for coin purchases per calendar week, per currency. */
    PURCHASE_MONEY_PER_WEEK(CalendarPeriod.WEEK, true),
    /** Money paid for coin purchases per calendar month, per currency. */
    PURCHASE_MONEY_PER_MONTH(CalendarPeriod.MONTH, true),
    /** Coins spent on gifts per calendar day. */
    GIFT_COINS_PER_DAY(CalendarPeriod.DAY, false),
    /** Coins spent on gifts per calendar week. */
    GIFT_COINS_PER_WEEK(CalendarPeriod.WEEK, false),
    /** Coins spent on gifts per calendar month. */
    GIFT_COINS_PER_MONTH(CalendarPeriod.MONTH, false);

    private final CalendarPeriod period;
    private final boolean purchase;

    LimitKind(CalendarPeriod period, boolean purchase) {
        this.period = period;
        this.purchase = purchase;
    }

    /** @return the calendar period the limit counts in */
    public CalendarPeriod period() {
        return period;
    }

    /** @return {@code true} for a limit on money paid for purchases, {@code false} for coins spent on gifts */
    public boolean isPurchase() {
        return purchase;
    }

    /**
     * The purchase limit of a period.
     *
     * @param period the period
     * @return {@code PURCHASE_MONEY_PER_<period>}
     */
    public static LimitKind purchase(CalendarPeriod period) {
        switch (Objects.requireNonNull(period, "period")) {
            case DAY:
                return PURCHASE_MONEY_PER_DAY;
            case WEEK:
                return PURCHASE_MONEY_PER_WEEK;
            default:
                return PURCHASE_MONEY_PER_MONTH;
        }
    }

    /**
     * The gift limit of a period.
     *
     * @param period the period
     * @return {@code GIFT_COINS_PER_<period>}
     */
    public static LimitKind gift(CalendarPeriod period) {
        switch (Objects.requireNonNull(period, "period")) {
            case DAY:
                return GIFT_COINS_PER_DAY;
            case WEEK:
                return GIFT_COINS_PER_WEEK;
            default:
                return GIFT_COINS_PER_MONTH;
        }
    }
}
