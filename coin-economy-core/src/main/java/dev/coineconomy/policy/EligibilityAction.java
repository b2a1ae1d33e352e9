package dev.coineconomy.policy;

/** What a user tried to do: the {@code action} value of a {@code NOT_ELIGIBLE} rejection. */
public enum EligibilityAction {
    /** Buy coins. */
    BUY,
    /** Send a gift. */
    SEND_GIFT,
    /** Receive a gift (the creator of a gift command). */
    RECEIVE_GIFT
}
