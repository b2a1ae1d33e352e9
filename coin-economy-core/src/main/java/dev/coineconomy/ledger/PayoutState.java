package dev.coineconomy.ledger;

/** The lifecycle of a payout: a withdrawal creates it PENDING; the host settles it or reports its failure. */
public enum PayoutState {
    /** Withdrawn: the diamonds are "in payout", no money has moved yet. */
    PENDING,
    /** Settled: the diamonds are redeemed and the cash was paid. */
    PAID,
    /** Failed: the diamonds went back to the creator's available diamonds. */
    FAILED
}
