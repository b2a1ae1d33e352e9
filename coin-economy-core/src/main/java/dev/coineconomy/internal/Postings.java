package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * The double-entry postings of each kind of command, derived from its receipt alone. This is the one
 * place that says which accounts a command moves value between:
 * <ul>
 *   <li>purchase: coins from {@code COIN_ISSUANCE} to the buyer's {@code USER_COINS}; the price from
 *       {@code GROSS_SALES} to {@code PLATFORM_CASH};</li>
 *   <li>gift: coins from the sender's {@code USER_COINS} to {@code COINS_SPENT}; diamonds from
 *       {@code DIAMOND_ISSUANCE} to the creator's {@code USER_DIAMONDS};</li>
 *   <li>withdrawal: diamonds from the creator's {@code USER_DIAMONDS} to {@code DIAMONDS_REDEEMED};
 *       the payout from {@code PLATFORM_CASH} to {@code PAYOUTS_PAID}.</li>
 * </ul>
 * Zero amounts (a gift whose diamonds are all carried) produce no posting.
 */
public final class Postings {

    private static final AccountRef COIN_ISSUANCE = AccountRef.platform(AccountType.COIN_ISSUANCE);
    private static final AccountRef COINS_SPENT = AccountRef.platform(AccountType.COINS_SPENT);
    private static final AccountRef DIAMOND_ISSUANCE = AccountRef.platform(AccountType.DIAMOND_ISSUANCE);
    private static final AccountRef DIAMONDS_REDEEMED = AccountRef.platform(AccountType.DIAMONDS_REDEEMED);
    private static final AccountRef GROSS_SALES = AccountRef.platform(AccountType.GROSS_SALES);
    private static final AccountRef PLATFORM_CASH = AccountRef.platform(AccountType.PLATFORM_CASH);
    private static final AccountRef PAYOUTS_PAID = AccountRef.platform(AccountType.PAYOUTS_PAID);

    private Postings() {
    }

    /**
     * The postings of an accepted command.
     *
     * @param receipt its receipt
     * @return balanced postings
     */
    public static List<Posting> of(Receipt receipt) {
        List<Posting> out = new ArrayList<>(4);
        if (receipt instanceof PurchaseReceipt p) {
            move(out, COIN_ISSUANCE, AccountRef.user(AccountType.USER_COINS, p.user()), Unit.COINS, p.coins().amount());
            move(out, GROSS_SALES, PLATFORM_CASH, Unit.of(p.price().currency()), p.price().toMinorUnits());
        } else if (receipt instanceof GiftReceipt g) {
            move(out, AccountRef.user(AccountType.USER_COINS, g.sender()), COINS_SPENT, Unit.COINS,
                    g.coinsSpent().amount());
            move(out, DIAMOND_ISSUANCE, AccountRef.user(AccountType.USER_DIAMONDS, g.creator()), Unit.DIAMONDS,
                    g.diamondsCredited().amount());
        } else if (receipt instanceof WithdrawalReceipt w) {
            move(out, AccountRef.user(AccountType.USER_DIAMONDS, w.creator()), DIAMONDS_REDEEMED, Unit.DIAMONDS,
                    w.diamondsDebited().amount());
            move(out, PLATFORM_CASH, PAYOUTS_PAID, Unit.of(w.payout().currency()), w.payout().toMinorUnits());
        }
        return out;
    }

    private static void move(List<Posting> out, AccountRef from, AccountRef to, Unit unit, long amount) {
        if (amount != 0) {
            out.add(new Posting(from, unit, -amount));
            out.add(new Posting(to, unit, amount));
        }
    }
}
