package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.money.Coins;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.store.StoreTransaction;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * New lots and the coins a user owes after a chargeback (NEGATIVE_BALANCE): every new lot (purchase or
 * grant) first repays the debt, and the repaid coins' deferred revenue recovers the chargeback loss. So
 * a user with debt has no coins left in any lot, and a user's coin balance is always the coins remaining
 * in their lots minus their debt.
 */
final class Debts {

    private Debts() {
    }

    /**
     * The rejection of a gift or withdrawal by a user whose coin balance is negative.
     *
     * @param user  the user
     * @param coins the user's coin balance, negative
     * @return {@code ACCOUNT_RESTRICTED} with values {@code user} and {@code owed} (coins)
     */
    static EconomyException restricted(UserId user, long coins) {
        return Rules.reject(RejectionCode.ACCOUNT_RESTRICTED,
                String.format(Locale.ROOT, "user %s owes %d coins after a chargeback; gifts and withdrawals are"
                        + " restricted until a purchase repays them", user, -coins),
                "user", user, "owed", Coins.of(-coins));
    }

    /**
     * Stores a new lot for a locked user, repaying debt from it first.
     *
     * @param tx   the transaction
     * @param user the user, locked, whose coins were already credited with the lot's coins
     * @param lot  the new, unspent lot
     * @param now  the instant of the purchase or grant
     * @return the recovery postings (empty without debt or for a promotional lot)
     */
    static List<Posting> newLot(StoreTransaction tx, UserId user, Lot lot, Instant now) {
        long debt = tx.counter(user, FinanceState.DEBT);
        Lot stored = lot;
        List<Posting> out = List.of();
        if (debt > 0) {
            long repaid = Math.min(debt, lot.coins());
            Lots.Consumption c = Lots.consume(List.of(lot), repaid);
            stored = c.lots().get(0);
            tx.addCounter(user, FinanceState.DEBT, -repaid);
            out = FinancePostings.debtRecovery(c.recognizedByCurrency());
        }
        FinanceState.putLot(tx, user, new FinanceState.StoredLot(stored, now, FinanceState.LotStatus.OPEN));
        return out;
    }
}
