package dev.coineconomy.policy;

import dev.coineconomy.catalog.CatalogFormatException;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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

    static Stream<Arguments> malformed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policy-empty.properties",
                ", key version: expected a line \"version = ...\" (every key is required), found none");
        m.put("policy-missing-key.properties",
                ", key payout.dayZone: expected a line \"payout.dayZone = ...\" (every key is required), found none");
        m.put("policy-unknown-key.properties", " line 4, key payout.minimun: expected one of the keys version, "
                + "conversion.diamondsPerCoin, payout.diamondValue, payout.minimum, payout.dailyLimit, "
                + "payout.dayZone, found an unknown key");
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
        assertEquals(EconomyPolicy.reference(), PolicyFiles.load(resource("reference.properties")));
        assertEquals(ZoneOffset.UTC, PolicyFiles.load(resource("reference.properties")).payout().dayZone());
    }

    @Test
    void formatRoundTrips() {
        assertEquals(EconomyPolicy.reference(),
                PolicyFiles.read("p", new StringReader(PolicyFiles.format(EconomyPolicy.reference()))));
        EconomyPolicy custom = EconomyPolicy.reference().withVersion("eu-2027")
                .withDiamondsPerCoin(Ratio.of(1, 2))
                .withPayout(new PayoutPolicy(DiamondValue.perDiamond("EUR", "0.0047"), Money.of("EUR", "10.00"),
                        Money.of("EUR", "500.00"), ZoneId.of("Europe/Paris")));
        String text = PolicyFiles.format(custom);
        assertEquals("""
                # coin-economy policy
                version = eu-2027
                conversion.diamondsPerCoin = 1/2
                payout.diamondValue = EUR 0.47 per 100
                payout.minimum = EUR 10.00
                payout.dailyLimit = EUR 500.00
                payout.dayZone = Europe/Paris
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
