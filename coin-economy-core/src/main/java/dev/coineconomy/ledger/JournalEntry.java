package dev.coineconomy.ledger;

import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One accepted command in the append-only journal: its receipt (what was done, when, under which
 * catalog and policy version) and its postings, which balance per unit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param receipt  the command's receipt
 * @param postings the postings; their amounts sum to zero per unit
 */
public record JournalEntry(Receipt receipt, List<Posting> postings) {

    /**
     * Validates that the postings balance per unit.
     *
     * @param receipt  the command's receipt
     * @param postings the postings; their amounts sum to zero per unit
     * @throws IllegalArgumentException if they do not
     */
    public JournalEntry {
        Objects.requireNonNull(receipt, "receipt");
        postings = List.copyOf(postings);
        // an entry has a handful of postings: sum each unit once, at its first posting (no map)
        int n = postings.size();
        for (int i = 0; i < n; i++) {
            Unit unit = postings.get(i).unit();
            boolean first = true;
            for (int j = 0; j < i && first; j++) {
                first = !postings.get(j).unit().equals(unit);
            }
            if (!first) {
                continue;
            }
            long sum = 0;
            for (int j = i; j < n; j++) {
                Posting p = postings.get(j);
                if (p.unit().equals(unit)) {
                    sum = Math.addExact(sum, p.amount());
                }
            }
            if (sum != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "entry %s does not balance in %s: sum %d", receipt.requestId(), unit, sum));
            }
        }
    }

    /** @return the position in the journal, from 1 */
    public long sequence() {
        return receipt.sequence();
    }

    /** @return the command's request id */
    public RequestId requestId() {
        return receipt.requestId();
    }

    /** @return when the command was accepted */
    public Instant instant() {
        return receipt.instant();
    }

    /**
     * The net amount this entry posts to an account in a unit.
     *
     * @param account the account
     * @param unit    the unit
     * @return the sum of matching postings (0 if none)
     */
    public long amount(AccountRef account, Unit unit) {
        long sum = 0;
        for (Posting p : postings) {
            if (p.account().equals(account) && p.unit().equals(unit)) {
                sum += p.amount();
            }
        }
        return sum;
    }
}
