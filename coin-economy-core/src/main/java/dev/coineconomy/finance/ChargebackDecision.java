package dev.coineconomy.finance;

import dev.coineconomy.RequestId;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An accepted chargeback: the payment provider took the whole gross back. The sale is reversed part by
 * part; the part of its net that had already been recognized (coins spent on gifts) is a chargeback loss,
 * reduced by whatever is recovered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purchase          the purchase charged back
 * @param mode              the policy mode that decided it
 * @param coinsRemoved      the coins taken from the buyer's balance: under
 *                          {@link ChargebackPolicy.Mode#NEGATIVE_BALANCE} all the lot's coins (the balance
 *                          may go negative), under {@link ChargebackPolicy.Mode#CLAWBACK} only its unspent coins
 * @param reversed          the original sale split, reversed in full (gross to chargebacks; fee and tax back)
 * @param deferredReversed  the lot's deferred revenue cleared, minor units
 * @param recognizedLost    the lot's net already recognized, booked as chargeback loss, minor units
 * @param coinsSpent        the lot's coins already spent on gifts
 * @param coinsRecovered    NEGATIVE_BALANCE: the spent coins recovered at once from the buyer's other lots
 * @param recovered         NEGATIVE_BALANCE: the deferred revenue of those recovered coins per currency,
 *                          which moves to chargeback losses as a recovery
 * @param debtCoins         NEGATIVE_BALANCE: spent coins still owed (the balance is minus this); the buyer is
 *                          restricted until a later purchase repays it
 * @param lotAfter          the charged lot after the chargeback: no coins remain in it
 * @param otherLotsAfter    the buyer's other lots after the recovery (unchanged under CLAWBACK)
 */
public record ChargebackDecision(RequestId purchase, ChargebackPolicy.Mode mode, long coinsRemoved, SaleSplit reversed,
                                 long deferredReversed, long recognizedLost, long coinsSpent, long coinsRecovered,
                                 Map<Currency, Long> recovered, long debtCoins, Lot lotAfter, List<Lot> otherLotsAfter) {

    /**
     * Copies the collections and checks the presence of components.
     *
     * @param purchase          the purchase charged back
     * @param mode              the policy mode that decided it
     * @param coinsRemoved      the coins taken from the buyer's balance: under
     *                          {@link ChargebackPolicy.Mode#NEGATIVE_BALANCE} all the lot's coins (the balance
     *                          may go negative), under {@link ChargebackPolicy.Mode#CLAWBACK} only its unspent coins
     * @param reversed          the original sale split, reversed in full (gross to chargebacks; fee and tax back)
     * @param deferredReversed  the lot's deferred revenue cleared, minor units
     * @param recognizedLost    the lot's net already recognized, booked as chargeback loss, minor units
     * @param coinsSpent        the lot's coins already spent on gifts
     * @param coinsRecovered    NEGATIVE_BALANCE: the spent coins recovered at once from the buyer's other lots
     * @param recovered         NEGATIVE_BALANCE: the deferred revenue of those recovered coins per currency,
     *                          which moves to chargeback losses as a recovery
     * @param debtCoins         NEGATIVE_BALANCE: spent coins still owed (the balance is minus this); the buyer is
     *                          restricted until a later purchase repays it
     * @param lotAfter          the charged lot after the chargeback: no coins remain in it
     * @param otherLotsAfter    the buyer's other lots after the recovery (unchanged under CLAWBACK)
     */
    public ChargebackDecision {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reversed, "reversed");
        Objects.requireNonNull(lotAfter, "lotAfter");
        recovered = Map.copyOf(recovered);
        otherLotsAfter = List.copyOf(otherLotsAfter);
    }
}
