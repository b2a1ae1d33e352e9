package dev.coineconomy.finance;

import dev.coineconomy.UserId;
import dev.coineconomy.internal.Lots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What happens to coins already spent when a purchase is charged back (a chargeback is always
 * accepted; the money is gone).
 *
 * <ul>
 *   <li>{@link Mode#NEGATIVE_BALANCE} (the reference): all the lot's coins are taken from the buyer,
 *       whose balance may go negative. The spent coins are recovered first from the buyer's other lots
 *       (oldest first), then from later purchases; while the balance is negative the buyer may neither
 *       gift nor withdraw ({@code ACCOUNT_RESTRICTED}).</li>
 *   <li>{@link Mode#CLAWBACK}: only the lot's unspent coins are taken; the diamonds its spent coins
 *       produced are clawed back from the creators' available and held diamonds (never from diamonds in
 *       payout or paid); what cannot be clawed back stays a chargeback loss.</li>
 * </ul>
 *
 * <p>We chose NEGATIVE_BALANCE as the reference because it needs no record of which creator received
 * which lot's coins, never takes back diamonds a creator was told were theirs, and puts the debt on the
 * user who caused it; the loss is recovered as soon as the user buys again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode the treatment of spent coins
 */
public record ChargebackPolicy(Mode mode) {

    /** The treatment of a charged-back lot's spent coins. */
    public enum Mode {
        /** The buyer's coin balance goes negative; the buyer is restricted until it is repaid. */
        NEGATIVE_BALANCE,
        /** The diamonds those coins produced are clawed back from creators who still hold them. */
        CLAWBACK
    }

    /** The reference: negative balance. */
    public static final ChargebackPolicy REFERENCE = new ChargebackPolicy(Mode.NEGATIVE_BALANCE);

    /**
     * Validates the policy.
     *
     * @param mode the treatment of spent coins
     * @throws NullPointerException if the mode is {@code null}
     */
    public ChargebackPolicy {
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Decides a chargeback of a purchased lot.
     *
     * @param lot        the lot charged back, as it is now (not promotional, not yet reversed: the caller
     *                   rejects a second reversal with {@code ALREADY_REVERSED})
     * @param otherLots  the buyer's other lots, oldest first (used only under NEGATIVE_BALANCE)
     * @return the decision
     * @throws IllegalArgumentException if the lot is promotional or appears among {@code otherLots}
     */
    public ChargebackDecision decide(Lot lot, List<Lot> otherLots) {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(otherLots, "otherLots");
        if (lot.isPromotional()) {
            throw new IllegalArgumentException("lot " + lot.id() + " was granted, not sold: it cannot be charged back");
        }
        for (Lot other : otherLots) {
            if (other.id().equals(lot.id())) {
                throw new IllegalArgumentException("otherLots must not contain the charged lot " + lot.id());
            }
        }
        long spent = lot.coinsUsed();
        Lot after = lot.take(lot.coinsRemaining());
        if (mode == Mode.CLAWBACK) {
            return new ChargebackDecision(lot.id(), mode, lot.coinsRemaining(), lot.sale(), lot.netRemaining(),
                    lot.netRecognized(), spent, 0, Map.of(), 0, after, otherLots);
        }
        long recoverable = Math.min(spent, Lots.remaining(otherLots));
        Lots.Consumption recovery = Lots.consume(otherLots, recoverable);
        return new ChargebackDecision(lot.id(), mode, lot.coins(), lot.sale(), lot.netRemaining(),
                lot.netRecognized(), spent, recoverable, recovery.recognizedByCurrency(), spent - recoverable,
                after, recovery.lots());
    }

    /**
     * A creator's part in a clawback: the diamonds the charged-back coins produced for them, and the
     * diamonds they still hold that may be clawed back (available plus held, not in payout).
     *
     * @param creator   the creator
     * @param owed      diamonds produced by the charged-back lot's spent coins, not negative
     * @param claimable diamonds the creator holds that may be taken, not negative
     */
    public record Claim(UserId creator, long owed, long claimable) {

        /**
         * Validates the claim.
         *
         * @param creator   the creator
         * @param owed      diamonds produced by the charged-back lot's spent coins, not negative
         * @param claimable diamonds the creator holds that may be taken, not negative
         */
        public Claim {
            Objects.requireNonNull(creator, "creator");
            if (owed < 0 || claimable < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "owed and claimable must not be negative: %d, %d", owed, claimable));
            }
        }
    }

    /**
     * The outcome for one creator.
     *
     * @param creator     the creator
     * @param clawedBack  diamonds taken back: {@code min(owed, claimable)}
     * @param unrecovered diamonds that could not be taken back (their value stays a chargeback loss)
     */
    public record Clawback(UserId creator, long clawedBack, long unrecovered) {
    }

    /**
     * Claws back what each creator still holds of what they are owed (CLAWBACK mode).
     *
     * @param claims the creators' claims
     * @return one outcome per claim, in order
     */
    public static List<Clawback> clawBack(List<Claim> claims) {
        List<Clawback> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            long taken = Math.min(c.owed(), c.claimable());
            out.add(new Clawback(c.creator(), taken, c.owed() - taken));
        }
        return out;
    }
}
