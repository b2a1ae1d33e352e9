package dev.coineconomy.ledger;

import dev.coineconomy.Receipt;
import dev.coineconomy.RequestId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @throws IllegalArgumentException if they do not
     */
    public JournalEntry {
        Objects.requireNonNull(receipt, "receipt");
        postings = List.copyOf(postings);
        Map<Unit, Long> sums = new HashMap<>();
        for (Posting p : postings) {
            sums.merge(p.unit(), p.amount(), Math::addExact);
        }
        sums.forEach((unit, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "entry %s does not balance in %s: sum %d", receipt.requestId(), unit, sum));
            }
        });
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
