package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigInteger;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * For any gross in any currency (scales 0, 2, 3, 4), any fee rate and any tax rule: the parts sum
 * exactly to the gross, none is negative, and the tax and fee are the half-even roundings of their
 * exact values (within half a minor unit).
 */
class SaleSplitProperties {

    private static final List<String> CURRENCIES = List.of("USD", "GBP", "EUR", "JPY", "KRW", "BHD", "KWD", "CLF");
    private static final Region R = Region.of("DE");

    @Test
    void partsSumExactlyAndAreNeverNegative() {
        Gen<int[]> rates = integers().between(0, 100).zip(integers().between(1, 100),
                integers().between(0, 300), integers().between(1, 100), (a, b, c, d) -> new int[] {a, b, c, d});
        qt().withFixedSeed(0xF1A2L).withExamples(3000).forAll(
                integers().between(0, CURRENCIES.size() - 1),
                longs().between(0, 1_000_000_000_000L), rates, integers().between(0, 1))
                .checkAssert((cur, gross, r, inc) -> {
                    int fn = r[0];
                    int fd = r[1];
                    int tn = r[2];
                    int td = r[3];
                    Ratio feeRate = Ratio.of(Math.min(fn, fd), fd);
                    Ratio taxRate = Ratio.of(tn, td);
                    TaxRule rule = inc == 1 ? TaxRule.included(taxRate) : TaxRule.excluded(taxRate);
                    Currency c = Money.currency(CURRENCIES.get(cur));
                    SaleSplit s = SaleSplit.of(Money.ofMinor(c, gross), Channel.APP, R,
                            StoreFeePolicy.REFERENCE.withRate(Channel.APP, feeRate),
                            TaxPolicy.REFERENCE.withRule(R, rule));
                    long g = s.gross().toMinorUnits();
                    long fee = s.storeFee().toMinorUnits();
                    long tax = s.tax().toMinorUnits();
                    long net = s.net().toMinorUnits();
                    assertEquals(gross, g);
                    assertEquals(g, fee + tax + net);
                    assertTrue(fee >= 0 && tax >= 0 && net >= 0, s::toString);
                    // |tax x (n + d) - g x n| <= (n + d) / 2 : half a minor unit from the exact tax
                    if (inc == 1) {
                        BigInteger den = BigInteger.valueOf(taxRate.numerator() + taxRate.denominator());
                        BigInteger err = BigInteger.valueOf(tax).multiply(den)
                                .subtract(BigInteger.valueOf(g).multiply(BigInteger.valueOf(taxRate.numerator()))).abs();
                        assertTrue(err.shiftLeft(1).compareTo(den) <= 0, s::toString);
                    } else {
                        assertEquals(0, tax);
                    }
                    BigInteger fden = BigInteger.valueOf(feeRate.denominator());
                    BigInteger ferr = BigInteger.valueOf(fee).multiply(fden)
                            .subtract(BigInteger.valueOf(g - tax).multiply(BigInteger.valueOf(feeRate.numerator()))).abs();
                    assertTrue(ferr.shiftLeft(1).compareTo(fden) <= 0, s::toString);
                });
    }

    @Test
    void unusedSharesNeverExceedTheSplitAndTelescope() {
        qt().withFixedSeed(0xF1A3L).withExamples(2000).forAll(
                longs().between(0, 100_000_000L), longs().between(1, 10_000L),
                longs().between(0, 10_000L), integers().between(0, 1))
                .checkAssert((gross, coins, usedRaw, gb) -> {
                    long used = usedRaw % (coins + 1);
                    SaleSplit s = SaleSplit.of(Money.ofMinor("GBP", gross), Channel.APP,
                            gb == 1 ? Region.of("GB") : Region.of("US"), StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE);
                    SaleSplit back = s.unusedShare(used, coins);
                    assertTrue(!back.storeFee().isGreaterThan(s.storeFee()));
                    assertTrue(!back.tax().isGreaterThan(s.tax()));
                    assertTrue(!back.net().isGreaterThan(s.net()));
                    // the net returned is exactly the lot's deferred revenue after `used` coins
                    Lot lot = new Lot(dev.coineconomy.RequestId.of("p"), coins, coins - used, s);
                    assertEquals(lot.netRemaining(), back.net().toMinorUnits());
                    assertEquals(s, s.unusedShare(0, coins));
                });
    }
}
