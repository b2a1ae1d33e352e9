package dev.coineconomy.internal;

import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes {@link FinanceReport}s from postings alone. Pure: the caller passes the journal.
 * Postings to the issue-2 {@code PLATFORM_CASH} account are ignored (the finance postings do not use it).
 */
public final class FinanceReports {

    private FinanceReports() {
    }

    /**
     * The postings of one journal entry and its instant.
     *
     * @param instant  when the entry was accepted
     * @param postings its postings
     */
    public record Dated(Instant instant, List<Posting> postings) {

        /** Copies the postings. */
        public Dated {
            Objects.requireNonNull(instant, "instant");
            postings = List.copyOf(postings);
        }
    }

    /**
     * The reports of every currency with postings, for the period {@code [from, to)}.
     *
     * @param journal the journal entries
     * @param from    start of the period (inclusive)
     * @param to      end of the period (exclusive), not before {@code from}
     * @return one report per currency, by currency code
     */
    public static List<FinanceReport> ofJournal(List<JournalEntry> journal, Instant from, Instant to) {
        List<Dated> dated = new ArrayList<>(journal.size());
        for (JournalEntry e : journal) {
            dated.add(new Dated(e.instant(), e.postings()));
        }
        return of(dated, from, to);
    }

    /**
     * The reports of every currency with postings, for the period {@code [from, to)}.
     *
     * @param entries the entries (any order)
     * @param from    start of the period (inclusive)
     * @param to      end of the period (exclusive), not before {@code from}
     * @return one report per currency, by currency code
     */
    public static List<FinanceReport> of(List<Dated> entries, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Map<String, Map<AccountType, long[]>> sums = new TreeMap<>(); // [before from, in period]
        for (Dated e : entries) {
            if (!e.instant().isBefore(to)) {
                continue;
            }
            int slot = e.instant().isBefore(from) ? 0 : 1;
            for (Posting p : e.postings()) {
                Unit u = p.unit();
                if (!u.isMoney() || p.account().ownerId().isPresent()) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(u.code(), k -> new EnumMap<>(AccountType.class))
                        .computeIfAbsent(p.account().type(), k -> new long[2]);
                s[slot] = Math.addExact(s[slot], p.amount());
            }
        }
        List<FinanceReport> out = new ArrayList<>();
        sums.forEach((code, byType) -> {
            Currency c = Currency.getInstance(code);
            long gross = -flow(byType, AccountType.GROSS_SALES);
            long fees = flow(byType, AccountType.STORE_FEES);
            long tax = flow(byType, AccountType.TAX_PAYABLE);
            long refunds = flow(byType, AccountType.SALES_REFUNDS);
            long chargebacks = flow(byType, AccountType.CHARGEBACKS);
            long recognized = flow(byType, AccountType.RECOGNIZED_REVENUE);
            long creatorCost = -flow(byType, AccountType.CREATOR_COST);
            long promo = -flow(byType, AccountType.PROMOTION_EXPENSE);
            long losses = -flow(byType, AccountType.CHARGEBACK_LOSSES);
            long payouts = flow(byType, AccountType.PAYOUTS_PAID);
            long netSales = gross - refunds - chargebacks - fees - tax;
            long margin = recognized - creatorCost - promo - losses;
            out.add(new FinanceReport(c, m(c, gross), m(c, fees), m(c, tax), m(c, netSales), m(c, refunds),
                    m(c, chargebacks), m(c, before(byType, AccountType.DEFERRED_REVENUE)),
                    m(c, end(byType, AccountType.DEFERRED_REVENUE)), m(c, recognized), m(c, creatorCost),
                    m(c, promo), m(c, before(byType, AccountType.CREATOR_PAYABLE)),
                    m(c, end(byType, AccountType.CREATOR_PAYABLE)), m(c, payouts), m(c, losses), m(c, margin)));
        });
        return out;
    }

    private static long flow(Map<AccountType, long[]> byType, AccountType t) {
        long[] s = byType.get(t);
        return s == null ? 0 : s[1];
    }

    private static long before(Map<AccountType, long[]> byType, AccountType t) {
        long[] s = byType.get(t);
        return s == null ? 0 : s[0];
    }

    private static long end(Map<AccountType, long[]> byType, AccountType t) {
        long[] s = byType.get(t);
        return s == null ? 0 : Math.addExact(s[0], s[1]);
    }

    private static Money m(Currency c, long minor) {
        return Money.ofMinor(c, minor);
    }
}
