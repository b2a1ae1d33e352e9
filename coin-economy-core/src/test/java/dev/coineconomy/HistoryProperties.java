package dev.coineconomy;

import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.PropertySupport.Step;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.coineconomy.PropertySupport.catalog;
import static dev.coineconomy.PropertySupport.opSequences;
import static dev.coineconomy.PropertySupport.props;
import static dev.coineconomy.PropertySupport.sequencePolicies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Invariant "history is immutable": every receipt and entry records the catalog and policy version that
 * priced it, and entries already in the journal never change as later commands (accepted, rejected,
 * retried, on later days) arrive. Statements and journal pages are views of that same history.
 */
class HistoryProperties {

    @Test
    void pastEntriesNeverChangeAndRecordTheirVersions() {
        props(150).forAll(sequencePolicies(), opSequences(50), integers().between(1, 9_999))
                .checkAssert((policy, ops, catalogVersion) -> {
                    Catalog catalog = catalog("props-catalog-v" + catalogVersion,
                            List.of(1L, 5L, 100L, 1000L, 29_999L));
                    Run run = new Run(policy, catalog);
                    run.snapshots = false;
                    List<JournalEntry> history = new ArrayList<>();
                    for (int i = 0; i < ops.size(); i++) {
                        Step s = run.apply(ops.get(i));
                        String ctx = "op " + i + " " + ops.get(i);
                        List<JournalEntry> now = run.economy.journal(1, Integer.MAX_VALUE);
                        assertTrue(now.size() >= history.size(), ctx);
                        assertEquals(history, now.subList(0, history.size()), ctx + ": a past entry changed");
                        assertTrue(now.size() - history.size() <= 1, ctx + ": more than one entry appended");
                        for (int k = history.size(); k < now.size(); k++) {
                            JournalEntry e = now.get(k);
                            assertEquals(k + 1L, e.sequence(), ctx);
                            assertEquals(catalog.version(), e.receipt().catalogVersion(), ctx);
                            assertEquals(policy.version(), e.receipt().policyVersion(), ctx);
                            assertEquals(run.clock.instant(), e.instant(), ctx + ": stamped with the clock");
                            assertEquals(s.receipt(), e.receipt(), ctx);
                        }
                        if (s != null && s.accepted()) {
                            assertEquals(catalog.version(), s.receipt().catalogVersion(), ctx);
                            assertEquals(policy.version(), s.receipt().policyVersion(), ctx);
                        }
                        history = now;
                    }
                    assertViewsAgree(run, history);
                });
    }

    /** Pages of the journal and users' statements are exactly the matching slices of the history. */
    private static void assertViewsAgree(Run run, List<JournalEntry> history) {
        int n = history.size();
        for (int from = 1; from <= n + 1; from += 3) {
            for (int limit : new int[] {1, 2, 7, Integer.MAX_VALUE}) {
                int end = (int) Math.min(n, (long) from - 1 + limit);
                assertEquals(history.subList(Math.min(from - 1, n), Math.max(end, Math.min(from - 1, n))),
                        run.economy.journal(from, limit), "page " + from + "/" + limit);
            }
        }
        for (UserId u : run.users) {
            List<JournalEntry> expected = new ArrayList<>();
            for (JournalEntry e : history) {
                // every entry naming the user, including a gift received whose diamonds were all carried
                boolean names = e.postings().stream().map(Posting::account).anyMatch(a -> u.equals(a.owner()))
                        || e.receipt() instanceof GiftReceipt g && g.creator().equals(u);
                if (names) {
                    expected.add(e);
                }
            }
            assertEquals(expected, run.economy.statement(u), "statement of " + u);
        }
        for (JournalEntry e : history) {
            assertEquals(e, run.economy.entry(e.requestId()).orElseThrow());
        }
    }
}
