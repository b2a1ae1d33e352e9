package dev.coineconomy.policy;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.catalog.CatalogFormatException;
import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.FinancePolicy;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.finance.RefundPolicy;
import dev.coineconomy.finance.StoreFeePolicy;
import dev.coineconomy.finance.TaxPolicy;
import dev.coineconomy.finance.TaxRule;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PolicyFiles}: malformed files with their exact messages, the reference file, round trips. */
class PolicyFilesTest {

    private static final String USD_MIN = "a non-negative amount in USD (the currency of payout.diamondValue) "
            + "such as \"USD 100.00\", at most 2 decimal places";
    private static final String ZONE = "a time-zone id such as UTC, +02:00 or Europe/Paris";
    private static final String AGE = "a whole number of years from 0 to 150";
    private static final String DURATION = "a non-negative ISO 8601 duration such as P14D, PT12H or PT0S";

    static Stream<Arguments> malformed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policy-empty.properties",
                ", key version: expected a line \"version = ...\" (every key is required), found none");
        m.put("policy-missing-key.properties",
                ", key payout.dayZone: expected a line \"payout.dayZone = ...\" (every key is required), found none");
        // deliberately changed with the new sections: an unknown key lists the keys of its section
        m.put("policy-unknown-key.properties", " line 4, key payout.minimun: expected one of the keys "
                + "payout.diamondValue, payout.minimum, payout.dailyLimit, payout.dayZone, found an unknown key");
        m.put("policy-duplicate-key.properties", " line 7, key payout.minimum: expected each key once, "
                + "found a second value \"USD 10.00\" (first on line 4)");
        m.put("policy-no-separator.properties",
                " line 4: expected a line key = value, found \"payout.minimum USD 100.00\"");
        m.put("policy-zero-denominator.properties", " line 2, key conversion.diamondsPerCoin: expected a ratio n/d "
                + "or a whole number n of diamonds per coin (ASCII digits, d > 0), found \"1/0\"");
        m.put("policy-per-zero-diamonds.properties", " line 3, key payout.diamondValue: expected a value such as "
                + "\"USD 1.00 per 200\" (an amount per a number of diamonds) or \"USD 0.005\" (one diamond), "
                + "found \"USD 1.00 per 0\"");
        m.put("policy-too-many-decimals.properties",
                " line 4, key payout.minimum: expected " + USD_MIN + ", found \"USD 100.001\"");
        m.put("policy-currency-mismatch.properties",
                " line 4, key payout.minimum: expected " + USD_MIN + ", found \"EUR 100.00\"");
        m.put("policy-limit-below-minimum.properties", " line 5, key payout.dailyLimit: expected an amount of at "
                + "least payout.minimum (USD 100.00), found \"USD 50.00\"");
        m.put("policy-unknown-zone.properties", " line 6, key payout.dayZone: expected " + ZONE
                + ", found \"Mars/Olympus\"");
        m.put("policy-unicode-escape.properties", " line 6, key payout.dayZone: expected " + ZONE
                + ", found \"\\\\u0055TC\"");
        // the sections eligibility, limits and finance (files made from one valid file, one line changed)
        m.put("policy-unknown-period.properties", " line 17, key limits.purchase.YEAR.USD: expected a period, "
                + "one of DAY, WEEK, MONTH, after \"limits.purchase.\", found \"YEAR\"");
        m.put("policy-unknown-currency.properties", " line 17, key limits.purchase.DAY.XYZ: expected an ISO 4217 "
                + "currency code with minor units, such as USD, after \"limits.purchase.DAY.\", found \"XYZ\"");
        m.put("policy-negative-limit.properties", " line 17, key limits.purchase.DAY.USD: expected a non-negative "
                + "amount in USD with at most 2 decimal places, such as \"500.00\", found \"-500.00\"");
        m.put("policy-limit-too-many-decimals.properties", " line 17, key limits.purchase.DAY.JPY: expected a "
                + "non-negative amount in JPY with no decimal places, such as \"500\", found \"500.5\"");
        m.put("policy-gift-limit-not-a-number.properties", " line 18, key limits.gift.WEEK: expected a whole number "
                + "of coins, not negative (ASCII digits), found \"10k\"");
        m.put("policy-unknown-week-start.properties", " line 20, key limits.weekStart: expected one of MONDAY, "
                + "TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, found \"Monday\"");
        m.put("policy-age-not-a-number.properties", " line 7, key eligibility.buyAge: expected " + AGE
                + ", found \"eighteen\"");
        m.put("policy-age-too-high.properties", " line 12, key eligibility.liveMinimumAge: expected " + AGE
                + ", found \"151\"");
        m.put("policy-invalid-region-override.properties", " line 8, key eligibility.buyAge.ZZ: expected an ISO "
                + "3166-1 alpha-2 region code in capitals, such as KR, after \"eligibility.buyAge.\", found \"ZZ\"");
        m.put("policy-duplicate-override.properties", " line 10, key eligibility.buyAge.KR: expected each key once, "
                + "found a second value \"20\" (first on line 8)");
        m.put("policy-unknown-account-kind.properties", " line 15, key eligibility.excludedAccountKinds: expected "
                + "none or account kinds separated by commas, each once, from PERSONAL, BUSINESS, GOVERNMENT, "
                + "POLITICIAN, POLITICAL_PARTY, found \"GOVERNMENT, CHURCH\"");
        m.put("policy-region-listed-twice.properties", " line 11, key eligibility.giftingExcludedRegions: expected "
                + "none or ISO 3166-1 alpha-2 region codes in capitals separated by commas, each once, such as "
                + "\"CN, KP\", found \"CN, KP, CN\"");
        m.put("policy-not-a-boolean.properties", " line 14, key eligibility.restrictedMayBuy: expected true or "
                + "false, found \"yes\"");
        m.put("policy-unknown-section-key.properties", " line 13, key eligibility.minimumFollowers: expected one "
                + "of the keys eligibility.buyAge, eligibility.buyAge.<region>, eligibility.sendAge, "
                + "eligibility.sendAge.<region>, eligibility.receiveAge, eligibility.receiveAge.<region>, "
                + "eligibility.giftingExcludedRegions, eligibility.liveMinimumAge, eligibility.liveMinimumFollowers, "
                + "eligibility.restrictedMayBuy, eligibility.excludedAccountKinds, eligibility.ageZone, "
                + "found an unknown key");
        m.put("policy-missing-section-key.properties", ", key eligibility.ageZone: expected a line "
                + "\"eligibility.ageZone = ...\" (every key of the eligibility section is required once one is "
                + "given), found none");
        m.put("policy-fee-above-one.properties", " line 21, key finance.storeFee.APP: expected a fee rate n/d or n "
                + "of at most 1 (ASCII digits, d > 0), such as 3/10, found \"3/2\"");
        m.put("policy-unknown-channel.properties", " line 22, key finance.storeFee.TV: expected a channel, one of "
                + "APP, WEB, after \"finance.storeFee.\", found \"TV\"");
        m.put("policy-lowercase-tax-region.properties", " line 24, key finance.tax.gb: expected an ISO 3166-1 "
                + "alpha-2 region code in capitals, such as KR, after \"finance.tax.\", found \"gb\"");
        m.put("policy-tax-without-rate.properties", " line 24, key finance.tax.GB: expected a tax rule "
                + "\"inclusive n/d\" (prices include tax at that rate, such as inclusive 1/5), \"exclusive\" or "
                + "\"exclusive n/d\", found \"inclusive\"");
        m.put("policy-unknown-refund-mode.properties", " line 26, key finance.refund.mode: expected one of "
                + "UNUSED_ONLY, PRO_RATA_UNUSED, found \"FULL\"");
        m.put("policy-unknown-chargeback-mode.properties", " line 27, key finance.chargeback.mode: expected one of "
                + "NEGATIVE_BALANCE, CLAWBACK, found \"negative_balance\"");
        m.put("policy-bad-duration.properties", " line 25, key finance.refund.window: expected " + DURATION
                + ", found \"14 days\"");
        m.put("policy-negative-hold.properties", " line 28, key finance.hold: expected " + DURATION
                + ", found \"-PT1H\"");
        return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getKey() + e.getValue()));
    }

    private static Path resource(String name) {
        try {
            return Path.of(PolicyFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test file missing: " + name, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFileGetsItsExactMessage(String file, String message) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> PolicyFiles.load(resource("malformed/" + file)));
        assertEquals(message, e.getMessage());
        assertEquals(file, e.fileName());
    }

    @Test
    void everyCorpusFileHasAnExpectedMessage() throws IOException {
        Set<String> listed = malformed().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(resource("malformed/policy-empty.properties").getParent())) {
            assertEquals(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), listed);
        }
    }

    @Test
    void referenceFileIsTheReferencePolicy() {
        EconomyPolicy loaded = PolicyFiles.load(resource("reference.properties"));
        assertEquals(EconomyPolicy.reference(), loaded);
        assertEquals(ZoneOffset.UTC, loaded.payout().dayZone());
        assertEquals(19, loaded.eligibility().buyAge().in(Region.of("KR")));
        assertEquals(TaxRule.included(Ratio.of(1, 5)), loaded.finance().taxes().rule(Region.of("GB")));
        // the sections left out of an old file take their reference values
        assertEquals(EconomyPolicy.reference(), PolicyFiles.load(resource("reference-base-only.properties")));
    }

    @Test
    void youtubeLikeFileHasThePresetLimits() {
        EconomyPolicy loaded = PolicyFiles.load(resource("youtube-like.properties"));
        assertEquals(EconomyPolicy.reference().withSpendingLimits(SpendingLimits.youtubeLike()), loaded);
        assertEquals(Optional.of(Money.of("USD", "2000.00")),
                loaded.limits().purchaseLimit(CalendarPeriod.WEEK, Money.currency("USD")));
        assertEquals(Optional.empty(), loaded.limits().giftLimit(CalendarPeriod.DAY));
    }

    /** The valid file the malformed corpus of the new sections was made from (one line changed each). */
    private static final String FULL = """
            version = p1
            conversion.diamondsPerCoin = 1/2
            payout.diamondValue = USD 1.00 per 200
            payout.minimum = USD 100.00
            payout.dailyLimit = USD 1000.00
            payout.dayZone = UTC
            eligibility.buyAge = 18
            eligibility.buyAge.KR = 19
            eligibility.sendAge = 18
            eligibility.receiveAge = 18
            eligibility.giftingExcludedRegions = none
            eligibility.liveMinimumAge = 18
            eligibility.liveMinimumFollowers = 1000
            eligibility.restrictedMayBuy = true
            eligibility.excludedAccountKinds = GOVERNMENT, POLITICIAN, POLITICAL_PARTY
            eligibility.ageZone = UTC
            limits.purchase.DAY.USD = 500.00
            limits.gift.WEEK = 10000
            limits.zone = UTC
            limits.weekStart = MONDAY
            finance.storeFee.APP = 3/10
            finance.storeFee.WEB = 0
            finance.tax.default = exclusive
            finance.tax.GB = inclusive 1/5
            finance.refund.window = P14D
            finance.refund.mode = UNUSED_ONLY
            finance.chargeback.mode = NEGATIVE_BALANCE
            finance.hold = PT0S
            """;

    @Test
    void aGivenSectionInheritsNothing() {
        EconomyPolicy p = PolicyFiles.read("full", new StringReader(FULL));
        EconomyPolicy expected = EconomyPolicy.reference().withVersion("p1").withDiamondsPerCoin(Ratio.of(1, 2))
                // sendAge.KR is not in the file: no override, although the reference has one
                .withEligibility(EligibilityPolicy.REFERENCE.withSendAge(MinimumAge.of(18)))
                .withSpendingLimits(SpendingLimits.NONE.withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "500.00"))
                        .withGiftLimit(CalendarPeriod.WEEK, Coins.of(10_000)))
                // finance.tax.US = exclusive is not in the file: US falls to the (equal) default rule
                .withFinance(FinancePolicy.REFERENCE.withTaxes(
                        new TaxPolicy(Map.of(Region.of("GB"), TaxRule.included(Ratio.of(1, 5))), TaxRule.EXCLUSIVE)));
        assertEquals(expected, p);
        assertEquals(18, p.eligibility().sendAge().in(Region.of("KR")));
        assertEquals(p, PolicyFiles.read("again", new StringReader(PolicyFiles.format(p))));
    }

    @Test
    void sectionsAreOptionalOneByOne() {
        String base = PolicyFiles.format(EconomyPolicy.reference()).lines()
                .filter(l -> !l.startsWith("eligibility.") && !l.startsWith("limits.") && !l.startsWith("finance."))
                .collect(Collectors.joining("\n"));
        String withHold = base + "\n" + FULL.lines().filter(l -> l.startsWith("finance."))
                .collect(Collectors.joining("\n")).replace("PT0S", "P2D");
        EconomyPolicy p = PolicyFiles.read("p", new StringReader(withHold));
        assertEquals(EligibilityPolicy.REFERENCE, p.eligibility());
        assertEquals(SpendingLimits.NONE, p.limits());
        assertEquals(new HoldPolicy(Duration.ofDays(2)), p.finance().hold());
        // one key of a section is enough to make all its keys required
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> PolicyFiles.read("p", new StringReader(base + "\nlimits.gift.DAY = 5\n")));
        assertEquals("limits.zone", e.key());
        assertEquals(0, e.line());
    }

    @Test
    void formatRoundTrips() {
        assertEquals(EconomyPolicy.reference(),
                PolicyFiles.read("p", new StringReader(PolicyFiles.format(EconomyPolicy.reference()))));
        EconomyPolicy custom = EconomyPolicy.reference().withVersion("eu-2027")
                .withDiamondsPerCoin(Ratio.of(1, 2))
                .withPayout(new PayoutPolicy(DiamondValue.perDiamond("EUR", "0.0047"), Money.of("EUR", "10.00"),
                        Money.of("EUR", "500.00"), ZoneId.of("Europe/Paris")))
                .withEligibility(EligibilityPolicy.REFERENCE.withMinimumAgeToReceive(Region.of("JP"), 20)
                        .withMinimumAgeToBuy(Region.of("DE"), 16)
                        .withGiftingExcludedRegions(Set.of(Region.of("KP"), Region.of("CN")))
                        .withLiveMinimumFollowers(50).withRestrictedMayBuy(false)
                        .withExcludedAccountKinds(Set.of()).withAgeZone(ZoneId.of("Asia/Seoul")))
                .withSpendingLimits(SpendingLimits.youtubeLike()
                        .withPurchaseLimit(CalendarPeriod.MONTH, Money.of("JPY", "300000"))
                        .withPurchaseLimit(CalendarPeriod.DAY, Money.of("EUR", "450.50"))
                        .withGiftLimit(CalendarPeriod.DAY, Coins.of(2_500)).withZone(ZoneOffset.ofHours(9))
                        .withWeekStart(DayOfWeek.SUNDAY))
                .withFinance(FinancePolicy.REFERENCE
                        .withFees(StoreFeePolicy.REFERENCE.withOverride(Region.of("KR"), Channel.APP, Ratio.of(26, 100))
                                .withOverride(Region.of("FR"), Channel.WEB, Ratio.of(1, 50)))
                        .withTaxes(TaxPolicy.REFERENCE.withRule(Region.of("DE"), TaxRule.included(Ratio.of(19, 100)))
                                .withRule(Region.of("CA"), TaxRule.excluded(Ratio.of(1, 20)))
                                .withDefaultRule(TaxRule.included(Ratio.of(0, 1))))
                        .withRefunds(new RefundPolicy(Duration.ofHours(36), RefundPolicy.Mode.PRO_RATA_UNUSED))
                        .withChargebacks(new ChargebackPolicy(ChargebackPolicy.Mode.CLAWBACK))
                        .withHold(new HoldPolicy(Duration.ofDays(7))));
        String text = PolicyFiles.format(custom);
        assertEquals("""
                # coin-economy policy
                version = eu-2027
                conversion.diamondsPerCoin = 1/2
                payout.diamondValue = EUR 0.47 per 100
                payout.minimum = EUR 10.00
                payout.dailyLimit = EUR 500.00
                payout.dayZone = Europe/Paris

                # eligibility
                eligibility.buyAge = 18
                eligibility.buyAge.DE = 16
                eligibility.buyAge.KR = 19
                eligibility.sendAge = 18
                eligibility.sendAge.KR = 19
                eligibility.receiveAge = 18
                eligibility.receiveAge.JP = 20
                eligibility.giftingExcludedRegions = CN, KP
                eligibility.liveMinimumAge = 18
                eligibility.liveMinimumFollowers = 50
                eligibility.restrictedMayBuy = false
                eligibility.excludedAccountKinds = none
                eligibility.ageZone = Asia/Seoul

                # spending limits
                limits.purchase.DAY.EUR = 450.50
                limits.purchase.DAY.USD = 500.00
                limits.purchase.WEEK.USD = 2000.00
                limits.purchase.MONTH.JPY = 300000
                limits.gift.DAY = 2500
                limits.zone = +09:00
                limits.weekStart = SUNDAY

                # finance
                finance.storeFee.APP = 3/10
                finance.storeFee.WEB = 0/1
                finance.storeFee.APP.KR = 13/50
                finance.storeFee.WEB.FR = 1/50
                finance.tax.default = inclusive 0/1
                finance.tax.CA = exclusive 1/20
                finance.tax.DE = inclusive 19/100
                finance.tax.GB = inclusive 1/5
                finance.tax.US = exclusive
                finance.refund.window = PT36H
                finance.refund.mode = PRO_RATA_UNUSED
                finance.chargeback.mode = CLAWBACK
                finance.hold = P7D
                """, text);
        assertEquals(custom, PolicyFiles.read("p", new StringReader(text)));
    }

    @Test
    void lenientWhereHarmless() {
        String text = "\ufeff# BOM, CRLF, tabs, blank lines, a per-diamond value and 'diamonds'\r\n\r\n"
                + "\tversion\t=\tv 2 = two\r\n"
                + "conversion.diamondsPerCoin=2\r\n"
                + "  # indented comment\r\n"
                + "payout.diamondValue = USD 0.005\r\n"
                + "payout.minimum = USD 0\r\n"
                + "payout.dailyLimit = USD 1000\r\n"
                + "payout.dayZone = +02:00";
        EconomyPolicy p = PolicyFiles.read("p", new StringReader(text));
        assertEquals("v 2 = two", p.version());
        assertEquals(Ratio.of(2, 1), p.conversion().diamondsPerCoin());
        assertEquals(DiamondValue.of(Money.of("USD", "1.00"), 200), p.payout().diamondValue());
        assertEquals(Money.of("USD", "0.00"), p.payout().minimum());
        assertEquals(ZoneOffset.ofHours(2), p.payout().dayZone());
        assertEquals(DiamondValue.of(Money.of("USD", "0.01"), 2), PolicyFiles.read("p", new StringReader(
                PolicyFiles.format(EconomyPolicy.reference()).replace("USD 0.01 per 2", "USD 0.01 per 2 diamonds")))
                .payout().diamondValue());
    }

    @Test
    void unreadableFileAndNulls(@TempDir Path tmp) {
        assertThrows(UncheckedIOException.class, () -> PolicyFiles.load(tmp.resolve("none.properties")));
        assertEquals("path", assertThrows(NullPointerException.class, () -> PolicyFiles.load(null)).getMessage());
        assertEquals("reader", assertThrows(NullPointerException.class, () -> PolicyFiles.read("p", null)).getMessage());
        assertEquals("policy", assertThrows(NullPointerException.class, () -> PolicyFiles.format(null)).getMessage());
        assertTrue(PolicyFiles.KEYS.contains("payout.dayZone"));
    }
}
