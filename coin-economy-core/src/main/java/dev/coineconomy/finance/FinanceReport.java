package dev.coineconomy.finance;

import dev.coineconomy.money.Money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The finance numbers of one currency over a period {@code [from, to)}, computed from the journal's
 * postings. Flows are sums of the period's postings (net of reversals: fees and tax returned by refunds
 * and chargebacks reduce them); start and end balances are the account balances just before
 * {@code from} and {@code to}.
 *
 * <p>Identities (checked by {@link #violations()}), to the minor unit:
 * <ul>
 *   <li>{@code netSales = grossSales − refunds − chargebacks − storeFees − tax};</li>
 *   <li>{@code margin = recognizedRevenue − creatorCost − promotionExpense − chargebackLosses};</li>
 *   <li>{@code netSales = (deferredEnd − deferredStart) + margin + (creatorPayableEnd − creatorPayableStart)
 *       + payoutsPaid} — every unit of net sales is still deferred, is margin, is owed to creators, or
 *       was paid to them.</li>
 * </ul>
 * Creator cost, promotion expense, payable and payouts appear in the payout currency; revenue in the
 * currencies of the sales. Nothing is converted between currencies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency            the currency
 * @param grossSales          gross of the period's purchases
 * @param storeFees           store fees charged, net of fees returned
 * @param tax                 tax contained in sales, net of tax returned
 * @param netSales            gross − refunds − chargebacks − fees − tax
 * @param refunds             gross returned by refunds
 * @param chargebacks         gross taken back by chargebacks
 * @param deferredStart       deferred revenue before {@code from}
 * @param deferredEnd         deferred revenue before {@code to}
 * @param recognizedRevenue   revenue recognized by gifts
 * @param creatorCost         cash value of diamonds earned from purchased coins
 * @param promotionExpense    cash value of diamonds earned from promotional coins
 * @param creatorPayableStart creator payable before {@code from}
 * @param creatorPayableEnd   creator payable before {@code to}
 * @param payoutsPaid         payouts settled
 * @param chargebackLosses    recognized revenue lost to chargebacks, net of recoveries
 * @param margin              recognized revenue − creator cost − promotion expense − chargeback losses
 */
public record FinanceReport(Currency currency, Money grossSales, Money storeFees, Money tax, Money netSales,
                            Money refunds, Money chargebacks, Money deferredStart, Money deferredEnd,
                            Money recognizedRevenue, Money creatorCost, Money promotionExpense,
                            Money creatorPayableStart, Money creatorPayableEnd, Money payoutsPaid,
                            Money chargebackLosses, Money margin) {

    /**
     * Checks that no component is missing.
     *
     * @param currency            the currency
     * @param grossSales          gross of the period's purchases
     * @param storeFees           store fees charged, net of fees returned
     * @param tax                 tax contained in sales, net of tax returned
     * @param netSales            gross − refunds − chargebacks − fees − tax
     * @param refunds             gross returned by refunds
     * @param chargebacks         gross taken back by chargebacks
     * @param deferredStart       deferred revenue before {@code from}
     * @param deferredEnd         deferred revenue before {@code to}
     * @param recognizedRevenue   revenue recognized by gifts
     * @param creatorCost         cash value of diamonds earned from purchased coins
     * @param promotionExpense    cash value of diamonds earned from promotional coins
     * @param creatorPayableStart creator payable before {@code from}
     * @param creatorPayableEnd   creator payable before {@code to}
     * @param payoutsPaid         payouts settled
     * @param chargebackLosses    recognized revenue lost to chargebacks, net of recoveries
     * @param margin              recognized revenue − creator cost − promotion expense − chargeback losses
     */
    public FinanceReport {
        Objects.requireNonNull(currency, "currency");
        for (Money m : new Money[] {grossSales, storeFees, tax, netSales, refunds, chargebacks, deferredStart,
                deferredEnd, recognizedRevenue, creatorCost, promotionExpense, creatorPayableStart,
                creatorPayableEnd, payoutsPaid, chargebackLosses, margin}) {
            Objects.requireNonNull(m, "amount");
        }
    }

    /**
     * The identities of the report that do not hold; empty on a healthy ledger.
     *
     * @return one message per broken identity
     */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        Money expectedNet = grossSales.minus(refunds).minus(chargebacks).minus(storeFees).minus(tax);
        if (!expectedNet.equals(netSales)) {
            out.add(String.format(Locale.ROOT, "net sales %s != gross - refunds - chargebacks - fees - tax = %s",
                    netSales, expectedNet));
        }
        Money expectedMargin = recognizedRevenue.minus(creatorCost).minus(promotionExpense).minus(chargebackLosses);
        if (!expectedMargin.equals(margin)) {
            out.add(String.format(Locale.ROOT, "margin %s != recognized - creator cost - promotion - losses = %s",
                    margin, expectedMargin));
        }
        Money uses = deferredEnd.minus(deferredStart).plus(margin).plus(creatorPayableEnd.minus(creatorPayableStart))
                .plus(payoutsPaid);
        if (!uses.equals(netSales)) {
            out.add(String.format(Locale.ROOT,
                    "net sales %s != change in deferred + margin + change in creator payable + payouts = %s",
                    netSales, uses));
        }
        return out;
    }
}
