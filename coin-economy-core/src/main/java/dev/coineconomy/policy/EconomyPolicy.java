package dev.coineconomy.policy;

import dev.coineconomy.finance.FinancePolicy;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Every configurable rule of the economy, bundled and versioned: the coin → diamond
 * {@link ConversionPolicy}, the diamond → cash {@link PayoutPolicy}, who may do what
 * ({@link EligibilityPolicy}), per-user {@link SpendingLimits}, and the money side
 * ({@link FinancePolicy}: store fees, tax, refunds, chargebacks, hold). Each rule lives in its own
 * class; this record only bundles them. Entries and receipts name the policy version that applied.
 *
 * <p>Immutable and thread-safe; the withers return new policies.
 *
 * @param version    a label for audits, 1 to 64 non-blank characters
 * @param conversion the coin → diamond rule
 * @param payout      the diamond → cash rule
 * @param eligibility who may buy, send and receive (applied when the economy has a profile directory)
 * @param limits      per-user spending caps
 * @param finance     store fees, tax, refunds, chargebacks and the earnings hold
 */
public record EconomyPolicy(String version, ConversionPolicy conversion, PayoutPolicy payout,
                            EligibilityPolicy eligibility, SpendingLimits limits, FinancePolicy finance) {

    /** The version of {@link #reference()}. */
    public static final String REFERENCE_VERSION = "reference-2026-11-25";

    private static final EconomyPolicy REFERENCE =
            new EconomyPolicy(REFERENCE_VERSION, ConversionPolicy.REFERENCE, PayoutPolicy.REFERENCE,
                    EligibilityPolicy.REFERENCE, SpendingLimits.NONE, FinancePolicy.REFERENCE);

    /**
     * Validates the policy.
     *
     * @param version    a label for audits, 1 to 64 non-blank characters
     * @param conversion the coin → diamond rule
     * @param payout      the diamond → cash rule
     * @param eligibility who may buy, send and receive (applied when the economy has a profile directory)
     * @param limits      per-user spending caps
     * @param finance     store fees, tax, refunds, chargebacks and the earnings hold
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the version is blank or too long
     */
    public EconomyPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(finance, "finance");
        if (version.isBlank() || version.length() > 64) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "policy version must have 1 to 64 non-blank characters, got '%s'", version));
        }
    }

    /**
     * A policy with the reference eligibility, no spending limits and the reference finance rules.
     *
     * @param version    a label for audits
     * @param conversion the coin → diamond rule
     * @param payout     the diamond → cash rule
     */
    public EconomyPolicy(String version, ConversionPolicy conversion, PayoutPolicy payout) {
        this(version, conversion, payout, EligibilityPolicy.REFERENCE, SpendingLimits.NONE, FinancePolicy.REFERENCE);
    }

    /**
     * The reference values of {@code shared/reference/rules.md}: 1 coin → 1 diamond; 1 diamond = USD
     * 0.005; withdrawals of at least USD 100.00 and at most USD 1,000.00 per UTC calendar day.
     *
     * @return the reference policy
     */
    public static EconomyPolicy reference() {
        return REFERENCE;
    }

    /**
     * @param value the new version label
     * @return a policy with that version
     */
    public EconomyPolicy withVersion(String value) {
        return new EconomyPolicy(value, conversion, payout, eligibility, limits, finance);
    }

    /**
     * @param ratio diamonds earned per gifted coin, e.g. {@code Ratio.of(1, 2)}
     * @return a policy with that conversion
     */
    public EconomyPolicy withDiamondsPerCoin(Ratio ratio) {
        return new EconomyPolicy(version, new ConversionPolicy(ratio), payout, eligibility, limits, finance);
    }

    /**
     * @param value the cash value of diamonds, e.g. {@code DiamondValue.of(Money.of("USD", "1.00"), 200)}
     * @return a policy with that value (the minimum and daily limit must share its currency)
     */
    public EconomyPolicy withDiamondValue(DiamondValue value) {
        return new EconomyPolicy(version, conversion, payout.withDiamondValue(value), eligibility, limits, finance);
    }

    /**
     * @param value the smallest payout per withdrawal (inclusive)
     * @return a policy with that minimum
     */
    public EconomyPolicy withMinimumWithdrawal(Money value) {
        return new EconomyPolicy(version, conversion, payout.withMinimum(value), eligibility, limits, finance);
    }

    /**
     * @param value the most a creator may withdraw per calendar day (inclusive)
     * @return a policy with that limit
     */
    public EconomyPolicy withDailyWithdrawalLimit(Money value) {
        return new EconomyPolicy(version, conversion, payout.withDailyLimit(value), eligibility, limits, finance);
    }

    /**
     * @param zone the zone whose calendar days the daily withdrawal limit counts (reference UTC)
     * @return a policy with that zone
     */
    public EconomyPolicy withWithdrawalDayZone(ZoneId zone) {
        return new EconomyPolicy(version, conversion, payout.withDayZone(zone), eligibility, limits, finance);
    }

    /**
     * Replaces all payout settings at once (useful when changing the currency).
     *
     * @param value the new payout rule
     * @return a policy with that payout rule
     */
    public EconomyPolicy withPayout(PayoutPolicy value) {
        return new EconomyPolicy(version, conversion, value, eligibility, limits, finance);
    }

    /**
     * @param value who may buy, send and receive
     * @return a policy with that eligibility
     */
    public EconomyPolicy withEligibility(EligibilityPolicy value) {
        return new EconomyPolicy(version, conversion, payout, value, limits, finance);
    }

    /**
     * @param value per-user spending caps, e.g. {@link SpendingLimits#youtubeLike()}
     * @return a policy with those limits
     */
    public EconomyPolicy withSpendingLimits(SpendingLimits value) {
        return new EconomyPolicy(version, conversion, payout, eligibility, value, finance);
    }

    /**
     * @param value store fees, tax, refunds, chargebacks and hold
     * @return a policy with those finance rules
     */
    public EconomyPolicy withFinance(FinancePolicy value) {
        return new EconomyPolicy(version, conversion, payout, eligibility, limits, value);
    }
}
