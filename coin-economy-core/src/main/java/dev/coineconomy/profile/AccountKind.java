package dev.coineconomy.profile;

/**
 * What kind of account a user has. In the reference
 * {@link dev.coineconomy.policy.EligibilityPolicy}, {@link #GOVERNMENT}, {@link #POLITICIAN} and
 * {@link #POLITICAL_PARTY} accounts may neither send nor receive gifts.
 */
public enum AccountKind {
    /** A private person. */
    PERSONAL,
    /** A business or brand. */
    BUSINESS,
    /** A government body or official institution. */
    GOVERNMENT,
    /** A politician or candidate. */
    POLITICIAN,
    /** A political party. */
    POLITICAL_PARTY
}
