package dev.coineconomy.policy;

import dev.coineconomy.money.Money;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * The diamond → cash rule: what diamonds are worth, the minimum per withdrawal, and the most a creator
 * may withdraw per calendar day in {@code dayZone}. Both bounds are inclusive.
 *
 * <p>Cash is paid in whole minor units: a withdrawal must name a number of diamonds worth a whole
 * number of cents (a multiple of {@link DiamondValue#diamondStep()}); the sub-cent rest stays in the
 * wallet as diamonds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param diamondValue the cash value of diamonds
 * @param minimum      the smallest payout accepted, not negative
 * @param dailyLimit   the largest total payout per creator per calendar day, at least {@code minimum}
 * @param dayZone      the zone whose calendar days the daily limit counts
 */
public record PayoutPolicy(DiamondValue diamondValue, Money minimum, Money dailyLimit, ZoneId dayZone) {

    /** The reference rule: USD 0.005 per diamond, USD 100 minimum, USD 1,000 per UTC day. */
    public static final PayoutPolicy REFERENCE = new PayoutPolicy(
            DiamondValue.perDiamond("USD", "0.005"), Money.of("USD", "100.00"),
            Money.of("USD", "1000.00"), ZoneOffset.UTC);

    /**
     * Validates the policy.
     *
     * @param diamondValue the cash value of diamonds
     * @param minimum      the smallest payout accepted, not negative
     * @param dailyLimit   the largest total payout per creator per calendar day, at least {@code minimum}
     * @param dayZone      the zone whose calendar days the daily limit counts
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the currencies differ, the minimum is negative or the daily
     *                                  limit below the minimum
     */
    public PayoutPolicy {
        Objects.requireNonNull(diamondValue, "diamondValue");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(dailyLimit, "dailyLimit");
        Objects.requireNonNull(dayZone, "dayZone");
        if (!minimum.currency().equals(diamondValue.currency())
                || !dailyLimit.currency().equals(diamondValue.currency())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diamond value, minimum and daily limit must share one currency: %s, %s, %s",
                    diamondValue.currency(), minimum.currency(), dailyLimit.currency()));
        }
        if (minimum.isNegative()) {
            throw new IllegalArgumentException("minimum withdrawal must not be negative: " + minimum);
        }
        if (dailyLimit.isLessThan(minimum) || !dailyLimit.isPositive()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "daily withdrawal limit %s must be positive and at least the minimum %s", dailyLimit, minimum));
        }
        dailyLimit.toMinorUnits();
    }

    /**
     * Replaces the diamond value.
     *
     * @param value the new value
     * @return a policy with that value
     */
    public PayoutPolicy withDiamondValue(DiamondValue value) {
        return new PayoutPolicy(value, minimum, dailyLimit, dayZone);
    }

    /**
     * Replaces the minimum withdrawal.
     *
     * @param value the new minimum
     * @return a policy with that minimum
     */
    public PayoutPolicy withMinimum(Money value) {
        return new PayoutPolicy(diamondValue, value, dailyLimit, dayZone);
    }

    /**
     * Replaces the daily limit.
     *
     * @param value the new limit
     * @return a policy with that limit
     */
    public PayoutPolicy withDailyLimit(Money value) {
        return new PayoutPolicy(diamondValue, minimum, value, dayZone);
    }

    /**
     * Replaces the zone of the calendar day.
     *
     * @param zone the new zone
     * @return a policy with that zone
     */
    public PayoutPolicy withDayZone(ZoneId zone) {
        return new PayoutPolicy(diamondValue, minimum, dailyLimit, zone);
    }
}
