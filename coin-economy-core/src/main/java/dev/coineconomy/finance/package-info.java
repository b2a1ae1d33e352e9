/**
 * The finance rules, pure and standalone: how a sale's gross price splits into store fee, tax and net
 * ({@link dev.coineconomy.finance.SaleSplit}, {@link dev.coineconomy.finance.StoreFeePolicy},
 * {@link dev.coineconomy.finance.TaxPolicy}); coin {@link dev.coineconomy.finance.Lot lots} whose net value
 * is recognized as revenue as their coins are spent; refunds ({@link dev.coineconomy.finance.RefundPolicy}),
 * chargebacks ({@link dev.coineconomy.finance.ChargebackPolicy}) and the hold on earned diamonds
 * ({@link dev.coineconomy.finance.HoldPolicy}), bundled in a {@link dev.coineconomy.finance.FinancePolicy}.
 *
 * <p>Nothing here reads a clock, does I/O or keeps state: every decision is a function of its arguments.
 * The chart of accounts and the postings of each command are described in {@code docs/finance.md}.
 */
package dev.coineconomy.finance;
