package dev.coineconomy.finance;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sale splits computed by hand, to the minor unit, under the reference fee and tax policies. */
class SaleSplitTest {

    private static final Region US = Region.of("US");
    private static final Region GB = Region.of("GB");
    private static final Region JP = Region.of("JP");

    private static SaleSplit ref(String gross, Channel channel, Region region) {
        return SaleSplit.of(Money.parse(gross), channel, region, StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE);
    }

    private static void assertSplit(SaleSplit s, String fee, String tax, String net) {
        String cur = s.currency().getCurrencyCode() + " ";
        assertEquals(Money.parse(cur + fee), s.storeFee(), "fee");
        assertEquals(Money.parse(cur + tax), s.tax(), "tax");
        assertEquals(Money.parse(cur + net), s.net(), "net");
        assertEquals(s.gross(), s.storeFee().plus(s.tax()).plus(s.net()));
    }

    @Test
    void gbAppPriceIncludesVatAndTheFeeIsOnThePriceNetOfVat() {
        // tax = 99 x 1/6 = 16.5 -> 16 (half-even); fee = (99 - 16) x 3/10 = 24.9 -> 25; net = 99 - 16 - 25 = 58
        assertSplit(ref("GBP 0.99", Channel.APP, GB), "0.25", "0.16", "0.58");
        // tax = 105/6 = 17.5 -> 18 (the even neighbour); fee = 87 x 0.3 = 26.1 -> 26; net 61
        assertSplit(ref("GBP 1.05", Channel.APP, GB), "0.26", "0.18", "0.61");
        // tax = 3/6 = 0.5 -> 0; fee = 0.9 -> 1; net 2
        assertSplit(ref("GBP 0.03", Channel.APP, GB), "0.01", "0.00", "0.02");
    }

    @Test
    void gbWebPaysVatButNoFee() {
        assertSplit(ref("GBP 0.99", Channel.WEB, GB), "0.00", "0.16", "0.83");
        // 1.20 = 1.00 + 20% exactly
        assertSplit(ref("GBP 1.20", Channel.WEB, GB), "0.00", "0.20", "1.00");
    }

    @Test
    void usPricesExcludeTaxSoOnlyTheFeeComesOff() {
        // fee = 99 x 0.3 = 29.7 -> 30; net 69
        assertSplit(ref("USD 0.99", Channel.APP, US), "0.30", "0.00", "0.69");
        // fee = 13999 x 0.3 = 4199.7 -> 4200; net 9799
        assertSplit(ref("USD 139.99", Channel.APP, US), "42.00", "0.00", "97.99");
        assertSplit(ref("USD 0.74", Channel.WEB, US), "0.00", "0.00", "0.74");
    }

    @Test
    void feeTiesRoundToTheEvenCentAndTheOddCentLandsInTheNet() {
        // 15 x 0.3 = 4.5 -> 4, net 11; 5 x 0.3 = 1.5 -> 2, net 3
        assertSplit(ref("USD 0.15", Channel.APP, US), "0.04", "0.00", "0.11");
        assertSplit(ref("USD 0.05", Channel.APP, US), "0.02", "0.00", "0.03");
    }

    @Test
    void otherScalesAndUnknownRegions() {
        // JP is not in the reference tax policy: exclusive by default
        assertSplit(ref("JPY 120", Channel.APP, JP), "36", "0", "84");
        assertSplit(ref("JPY 1", Channel.APP, JP), "0", "0", "1");   // 0.3 -> 0
        assertSplit(ref("JPY 2", Channel.APP, JP), "1", "0", "1");   // 0.6 -> 1
        assertSplit(ref("BHD 0.990", Channel.APP, JP), "0.297", "0.000", "0.693");
        // a BHD price under 10% included VAT: tax = 1100 x 1/11 = 100 exactly, fee = 1000 x 0.3 = 300
        TaxPolicy bh = TaxPolicy.REFERENCE.withRule(Region.of("BH"), TaxRule.included(Ratio.of(1, 10)));
        SaleSplit s = SaleSplit.of(Money.parse("BHD 1.100"), Channel.APP, Region.of("BH"), StoreFeePolicy.REFERENCE, bh);
        assertSplit(s, "0.300", "0.100", "0.700");
    }

    @Test
    void regionalFeeOverrideAndExclusiveRateIsInformational() {
        StoreFeePolicy fees = StoreFeePolicy.REFERENCE.withOverride(US, Channel.APP, Ratio.of(15, 100));
        SaleSplit s = SaleSplit.of(Money.parse("USD 0.99"), Channel.APP, US, fees, TaxPolicy.REFERENCE);
        assertSplit(s, "0.15", "0.00", "0.84"); // 14.85 -> 15
        assertEquals(Ratio.of(3, 10), fees.rate(Channel.APP, GB));
        TaxPolicy taxes = TaxPolicy.REFERENCE.withRule(US, TaxRule.excluded(Ratio.of(8, 100)));
        assertSplit(SaleSplit.of(Money.parse("USD 1.00"), Channel.WEB, US, fees, taxes), "0.00", "0.00", "1.00");
    }

    @Test
    void zeroGrossSplitsIntoZeros() {
        assertSplit(ref("GBP 0.00", Channel.APP, GB), "0.00", "0.00", "0.00");
    }

    @Test
    void badInputIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ref("USD -0.01", Channel.APP, US));
        assertThrows(NullPointerException.class, () -> SaleSplit.of(null, Channel.APP, US, StoreFeePolicy.REFERENCE, TaxPolicy.REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> StoreFeePolicy.REFERENCE.withRate(Channel.APP, Ratio.of(11, 10)));
        assertThrows(IllegalArgumentException.class, () -> new StoreFeePolicy(java.util.Map.of(Channel.APP, Ratio.ONE), java.util.Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SaleSplit(Money.parse("USD 1.00"), Money.parse("USD 0.30"),
                Money.parse("USD 0.00"), Money.parse("USD 0.69")));
        assertThrows(IllegalArgumentException.class, () -> new SaleSplit(Money.parse("USD 1.00"), Money.parse("USD 1.10"),
                Money.parse("USD 0.00"), Money.parse("USD -0.10")));
    }

    @Test
    void unusedShareReturnsEverythingWhenNothingWasUsedAndKeepsTheFloorOtherwise() {
        SaleSplit s = ref("GBP 0.99", Channel.APP, GB); // fee 25, tax 16, net 58
        assertEquals(s, s.unusedShare(0, 70));
        assertEquals(SaleSplit.ofMinor(s.currency(), 0, 0, 0), s.unusedShare(70, 70));
        // 35 of 70 used: keep floor(25/2)=12, floor(16/2)=8, floor(58/2)=29 -> return 13 + 8 + 29 = 50
        SaleSplit half = s.unusedShare(35, 70);
        assertEquals(SaleSplit.ofMinor(s.currency(), 50, 13, 8), half);
        assertEquals(Money.parse("GBP 0.29"), half.net());
    }
}
