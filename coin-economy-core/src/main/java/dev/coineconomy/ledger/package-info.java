/**
 * The double-entry view of the append-only journal: {@link dev.coineconomy.ledger.JournalEntry entries}
 * of {@link dev.coineconomy.ledger.Posting postings} to {@link dev.coineconomy.ledger.AccountRef accounts},
 * balanced per {@link dev.coineconomy.ledger.Unit unit}, and a
 * {@link dev.coineconomy.ledger.TrialBalance trial balance} recomputed from them, and users'
 * {@link dev.coineconomy.ledger.StatementPage statement pages} with the running
 * {@link dev.coineconomy.ledger.Balances balances} of each of the user's accounts.
 */
package dev.coineconomy.ledger;
