package dev.coineconomy.policy;

/**
 * Why a user may not do something: the {@code reason} value of a {@code NOT_ELIGIBLE} rejection. Each
 * names the values the rejection carries besides {@code user}, {@code action} and {@code reason}.
 */
public enum IneligibilityReason {
    /** Too young. Values: {@code age}, {@code minimumAge}, {@code region} (the minimum may depend on it). */
    AGE,
    /** Gifting does not exist in the user's region. Values: {@code region}. */
    REGION,
    /** A creator has too few followers to go LIVE, so cannot receive LIVE gifts. Values: {@code followers}, {@code minimumFollowers}. */
    FOLLOWERS,
    /** The account's standing does not allow it. Values: {@code standing}. */
    STANDING,
    /** Accounts of this kind (government, politician, political party) may not. Values: {@code accountKind}. */
    ACCOUNT_KIND
}
