package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Money;

import java.util.Objects;

/**
 * The finance rules, bundled: store fees, tax, refunds, chargebacks and the hold on earned diamonds.
 *
 * <p>Immutable and thread-safe; the withers return new policies.
 *
 * @param fees        the store fee per channel
 * @param taxes       the tax rule per region
 * @param refunds     the refund window and mode
 * @param chargebacks the treatment of spent coins on a chargeback
 * @param hold        the hold on earned diamonds
 */
public record FinancePolicy(StoreFeePolicy fees, TaxPolicy taxes, RefundPolicy refunds,
                            ChargebackPolicy chargebacks, HoldPolicy hold) {

    /**
     * The reference: APP 30% / WEB 0% fees; US prices exclusive of tax, GB including 20% VAT, other
     * regions exclusive; refunds within 14 days of unused purchases only; chargebacks leave a negative
     * balance; no hold.
     */
    public static final FinancePolicy REFERENCE = new FinancePolicy(StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE,
            RefundPolicy.REFERENCE, ChargebackPolicy.REFERENCE, HoldPolicy.REFERENCE);

    /**
     * Validates that no component is missing.
     *
     * @param fees        the store fee per channel
     * @param taxes       the tax rule per region
     * @param refunds     the refund window and mode
     * @param chargebacks the treatment of spent coins on a chargeback
     * @param hold        the hold on earned diamonds
     * @throws NullPointerException if one is {@code null}
     */
    public FinancePolicy {
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(taxes, "taxes");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(chargebacks, "chargebacks");
        Objects.requireNonNull(hold, "hold");
    }

    /**
     * Splits a sale under this policy's fees and taxes; see {@link SaleSplit#of}.
     *
     * @param gross   the price paid
     * @param channel the channel
     * @param region  the buyer's region
     * @return the exact split
     */
    public SaleSplit split(Money gross, Channel channel, Region region) {
        return SaleSplit.of(gross, channel, region, fees, taxes);
    }

    /**
     * @param value the new store fees
     * @return a policy with them
     */
    public FinancePolicy withFees(StoreFeePolicy value) {
        return new FinancePolicy(value, taxes, refunds, chargebacks, hold);
    }

    /**
     * @param value the new tax rules
     * @return a policy with them
     */
    public FinancePolicy withTaxes(TaxPolicy value) {
        return new FinancePolicy(fees, value, refunds, chargebacks, hold);
    }

    /**
     * @param value the new refund policy
     * @return a policy with it
     */
    public FinancePolicy withRefunds(RefundPolicy value) {
        return new FinancePolicy(fees, taxes, value, chargebacks, hold);
    }

    /**
     * @param value the new chargeback policy
     * @return a policy with it
     */
    public FinancePolicy withChargebacks(ChargebackPolicy value) {
        return new FinancePolicy(fees, taxes, refunds, value, hold);
    }

    /**
     * @param value the new hold policy
     * @return a policy with it
     */
    public FinancePolicy withHold(HoldPolicy value) {
        return new FinancePolicy(fees, taxes, refunds, chargebacks, value);
    }
}
