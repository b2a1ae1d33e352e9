package dev.coineconomy.examples;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.UserId;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.PayoutPolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much a creator can cash out, read from the policy's public API: the diamonds held, rounded down
 * to a whole number of cents ({@link DiamondValue#diamondStep()}), capped by what the daily limit
 * still allows today, and only if that reaches the minimum.
 */
public final class Payouts {

    private Payouts() {
    }

    /**
     * The most diamonds the creator may withdraw right now in one accepted command.
     *
     * @param economy the economy (its clock decides the day)
     * @param creator the creator
     * @return a payable count within today's limit and at least the minimum, or 0 if none is
     */
    public static long withdrawableNow(CoinEconomy economy, UserId creator) {
        Objects.requireNonNull(economy, "economy");
        Objects.requireNonNull(creator, "creator");
        PayoutPolicy payout = economy.policy().payout();
        DiamondValue value = payout.diamondValue();
        Ratio minorPerDiamond = value.minorUnitsPerDiamond();
        long held = economy.wallet(creator).diamonds().amount();
        long remainingMinor = economy.remainingWithdrawalToday(creator).toMinorUnits();
        // the most diamonds worth at most the remaining minor units: floor(remaining ÷ minorPerDiamond)
        long byLimit = Ratio.of(minorPerDiamond.denominator(), minorPerDiamond.numerator())
                .floorMultiply(Math.max(0, remainingMinor));
        long diamonds = Math.min(held, byLimit);
        diamonds -= diamonds % value.diamondStep();
        if (diamonds == 0 || value.floorValue(diamonds).isLessThan(payout.minimum())) {
            return 0;
        }
        return diamonds;
    }

    /**
     * The exact cash value of diamonds, in major units of the payout currency: at the reference rate
     * an odd count is worth half a cent more than whole cents, and that half cent is shown, not rounded.
     * A rate whose value does not terminate in decimal is cut after six more digits.
     *
     * @param value    the rate
     * @param diamonds a non-negative count
     * @return the value, with at least the currency's number of decimals
     */
    public static BigDecimal exactValue(DiamondValue value, long diamonds) {
        Objects.requireNonNull(value, "value");
        int digits = value.currency().getDefaultFractionDigits();
        BigDecimal product = value.amount().amount().multiply(BigDecimal.valueOf(diamonds));
        BigDecimal per = BigDecimal.valueOf(value.diamonds());
        BigDecimal exact;
        try {
            exact = product.divide(per);
        } catch (ArithmeticException e) {
            exact = product.divide(per, digits + 6, RoundingMode.DOWN);
        }
        exact = exact.stripTrailingZeros();
        return exact.scale() < digits ? exact.setScale(digits) : exact;
    }
}
