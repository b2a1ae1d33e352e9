/**
 * Implementation: the pure {@link dev.coineconomy.internal.Rules}, the postings of each command, and the
 * compact in-memory ledger (journal columns, accounts, idempotency index). Not exported; no
 * compatibility promises.
 */
package dev.coineconomy.internal;
