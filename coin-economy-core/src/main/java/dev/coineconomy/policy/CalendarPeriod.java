package dev.coineconomy.policy;

/**
 * A calendar period a spending limit counts in, in the {@link SpendingLimits#zone() zone} of the limits:
 * a day from midnight to midnight, a week starting on {@link SpendingLimits#weekStart()} (reference
 * Monday, as in ISO 8601), a month from its first day.
 */
public enum CalendarPeriod {
    /** A calendar day. */
    DAY,
    /** A calendar week. */
    WEEK,
    /** A calendar month. */
    MONTH
}
