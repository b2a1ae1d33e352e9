package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;

import java.util.ArrayList;
import java.util.List;

/** The users an entry concerns: the ones its receipt names and the owners of its postings. */
public final class EntryUsers {

    private EntryUsers() {
    }

    /**
     * @param entry an entry
     * @return the users it names or posts to, each once, in a stable order
     */
    public static List<UserId> of(JournalEntry entry) {
        List<UserId> users = new ArrayList<>(2);
        Receipt r = entry.receipt();
        if (r instanceof PurchaseReceipt p) {
            addOnce(users, p.user());
        } else if (r instanceof GiftReceipt g) {
            addOnce(users, g.sender());
            addOnce(users, g.creator());
        } else if (r instanceof WithdrawalReceipt w) {
            addOnce(users, w.creator());
        }
        for (Posting p : entry.postings()) {
            UserId owner = p.account().owner();
            if (owner != null) {
                addOnce(users, owner);
            }
        }
        return users;
    }

    private static void addOnce(List<UserId> users, UserId user) {
        if (!users.contains(user)) {
            users.add(user);
        }
    }
}
