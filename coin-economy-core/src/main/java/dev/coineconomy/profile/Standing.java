package dev.coineconomy.profile;

/**
 * How the platform regards an account. What each standing may do is decided by
 * {@link dev.coineconomy.policy.EligibilityPolicy}; in the reference policy only {@link #GOOD} may send or
 * receive gifts, {@link #RESTRICTED} may still buy coins, and {@link #BANNED} may do nothing.
 */
public enum Standing {
    /** In good standing: no restriction. */
    GOOD,
    /** Restricted by the platform (e.g. after a guideline violation): may not send or receive gifts. */
    RESTRICTED,
    /** Banned: may neither buy coins nor send nor receive gifts. */
    BANNED
}
