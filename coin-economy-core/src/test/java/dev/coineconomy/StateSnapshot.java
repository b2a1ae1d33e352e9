package dev.coineconomy;

import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.money.Money;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a host can observe of an economy, for a set of users: journal size and content, every
 * wallet, statement and remaining daily withdrawal, and the trial balance. Two snapshots are equal
 * iff nothing observable changed.
 *
 * @param journalSize the committed entries
 * @param journal     every committed entry
 * @param wallets     wallet per user
 * @param statements  statement per user
 * @param remaining   remaining withdrawal today per user
 * @param trial       the trial balance recomputed from the journal
 */
record StateSnapshot(long journalSize, List<JournalEntry> journal, Map<UserId, Wallet> wallets,
                     Map<UserId, List<JournalEntry>> statements, Map<UserId, Money> remaining,
                     TrialBalance trial) {

    /** Takes a snapshot of the economy as seen by these users. */
    static StateSnapshot of(CoinEconomy economy, Collection<UserId> users) {
        Map<UserId, Wallet> wallets = new LinkedHashMap<>();
        Map<UserId, List<JournalEntry>> statements = new LinkedHashMap<>();
        Map<UserId, Money> remaining = new LinkedHashMap<>();
        for (UserId u : users) {
            wallets.put(u, economy.wallet(u));
            statements.put(u, List.copyOf(economy.statement(u)));
            remaining.put(u, economy.remainingWithdrawalToday(u));
        }
        long size = economy.journalSize();
        List<JournalEntry> journal = size == 0 ? List.of() : List.copyOf(economy.journal(1, (int) size));
        return new StateSnapshot(size, journal, wallets, statements, remaining, economy.trialBalance());
    }

    /** Asserts nothing observable changed since {@code before}, and that the ids are still unused. */
    static void assertUnchanged(StateSnapshot before, CoinEconomy economy, Collection<UserId> users,
                                RequestId... stillFree) {
        StateSnapshot after = of(economy, users);
        assertEquals(before, after, "a rejected command changed the economy's state");
        for (RequestId id : stillFree) {
            Optional<JournalEntry> entry = economy.entry(id);
            assertTrue(entry.isEmpty(), () -> "rejected request id " + id + " was consumed: " + entry);
        }
    }
}
