package dev.coineconomy.internal;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;

import java.util.LinkedHashSet;
import java.util.Set;

/** The users an entry concerns: the ones its receipt names and the owners of its postings. */
public final class EntryUsers {

    private EntryUsers() {
    }

    /**
     * @param entry an entry
     * @return the users it names or posts to, in a stable order
     */
    public static Set<UserId> of(JournalEntry entry) {
        Set<UserId> users = new LinkedHashSet<>(2);
        Receipt r = entry.receipt();
        if (r instanceof PurchaseReceipt p) {
            users.add(p.user());
        } else if (r instanceof GiftReceipt g) {
            users.add(g.sender());
            users.add(g.creator());
        } else if (r instanceof WithdrawalReceipt w) {
            users.add(w.creator());
        } else if (r instanceof GrantReceipt g) {
            users.add(g.user());
        } else if (r instanceof RefundReceipt f) {
            users.add(f.user());
        } else if (r instanceof ChargebackReceipt c) {
            users.add(c.user());
        } else if (r instanceof PayoutSettledReceipt p) {
            users.add(p.creator());
        } else if (r instanceof PayoutFailedReceipt p) {
            users.add(p.creator());
        }
        for (Posting p : entry.postings()) {
            p.account().ownerId().ifPresent(users::add);
        }
        return users;
    }
}
