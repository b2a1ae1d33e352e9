package dev.coineconomy.policy;

import dev.coineconomy.catalog.CatalogFormatException;
import dev.coineconomy.internal.TextLines;
import dev.coineconomy.internal.TextLines.Line;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads an {@link EconomyPolicy} from a plain {@code key = value} file, and writes one.
 *
 * <h2>Format</h2>
 * UTF-8 (a leading byte-order mark is ignored), lines ending with LF, CRLF or CR. Blank lines and lines
 * whose first non-blank character is {@code #} are ignored. Every other line is {@code key = value}:
 * split at the first {@code =}, spaces and tabs around key and value dropped. There are no escapes and
 * no continuation lines ({@link java.util.Properties} is not used: it silently accepts duplicate keys,
 * {@code key value} without a separator and unicode escapes).
 *
 * <p>Every key is required, exactly once; an unknown key is an error. Nothing is inherited silently from
 * the reference policy, so a file says everything that prices withdrawals:
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>value</th><th>reference</th></tr>
 *   <tr><td>{@code version}</td><td>1 to 64 characters</td><td>{@code reference-2026-11-25}</td></tr>
 *   <tr><td>{@code conversion.diamondsPerCoin}</td><td>{@code n/d} or {@code n}, ASCII digits, d &gt; 0</td>
 *       <td>{@code 1/1}</td></tr>
 *   <tr><td>{@code payout.diamondValue}</td><td>{@code CUR amount per N} (amount within the currency's
 *       places; a trailing {@code diamonds} is allowed) or {@code CUR value} (the value of one diamond, may be
 *       below the minor unit)</td><td>{@code USD 1.00 per 200} = {@code USD 0.005}</td></tr>
 *   <tr><td>{@code payout.minimum}</td><td>{@code CUR amount}, not negative, in the currency of the
 *       diamond value</td><td>{@code USD 100.00}</td></tr>
 *   <tr><td>{@code payout.dailyLimit}</td><td>{@code CUR amount}, positive, at least the minimum, same
 *       currency</td><td>{@code USD 1000.00}</td></tr>
 *   <tr><td>{@code payout.dayZone}</td><td>a time-zone id ({@code UTC}, {@code +02:00},
 *       {@code Europe/Paris}); fixed-offset zones are normalised to a {@link ZoneOffset}</td>
 *       <td>{@code UTC}</td></tr>
 * </table>
 *
 * <p>Every bad input is a {@link CatalogFormatException} naming the file, the line and the key, what was
 * expected and what was found; nothing partial is returned. A file that cannot be read is an
 * {@link UncheckedIOException}. Stateless and thread-safe.
 */
public final class PolicyFiles {

    /** The keys of a policy file, in the order {@link #format} writes them. */
    public static final List<String> KEYS = List.of("version", "conversion.diamondsPerCoin", "payout.diamondValue",
            "payout.minimum", "payout.dailyLimit", "payout.dayZone");

    private static final Pattern RATIO = Pattern.compile("([0-9]+)(?:/([0-9]+))?");
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) ([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern PER = Pattern.compile("([A-Z]{3}) ([0-9]+(?:\\.[0-9]+)?) per ([0-9]+)(?: diamonds?)?");

    private static final String EXPECTED_VERSION = "a version label of 1 to 64 characters";
    private static final String EXPECTED_RATIO = "a ratio n/d or a whole number n of diamonds per coin (ASCII digits, d > 0)";
    private static final String EXPECTED_VALUE =
            "a value such as \"USD 1.00 per 200\" (an amount per a number of diamonds) or \"USD 0.005\" (one diamond)";
    private static final String EXPECTED_ZONE = "a time-zone id such as UTC, +02:00 or Europe/Paris";

    private PolicyFiles() {
    }

    /**
     * Loads a policy file.
     *
     * @param path the file
     * @return the policy
     * @throws CatalogFormatException if the file is malformed (messages name it by its file name)
     * @throws UncheckedIOException   if it cannot be read
     */
    public static EconomyPolicy load(Path path) {
        Objects.requireNonNull(path, "path");
        return parse(String.valueOf(path.getFileName()), TextLines.read(path));
    }

    /**
     * Reads a policy (the reader is read to its end, not closed).
     *
     * @param fileName the name for messages
     * @param reader   the content
     * @return the policy
     * @throws CatalogFormatException if the content is malformed
     */
    public static EconomyPolicy read(String fileName, Reader reader) {
        Objects.requireNonNull(fileName, "fileName");
        return parse(fileName, TextLines.read(Objects.requireNonNull(reader, "reader")));
    }

    /**
     * Writes a policy in the format {@link #read} reads; reading the text back gives an equal policy
     * (provided the version has no surrounding spaces).
     *
     * @param policy the policy
     * @return the file content, one key per line, LF line ends
     */
    public static String format(EconomyPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Ratio r = policy.conversion().diamondsPerCoin();
        PayoutPolicy p = policy.payout();
        ZoneId zone = p.dayZone();
        return "# coin-economy policy\n"
                + "version = " + policy.version() + "\n"
                + "conversion.diamondsPerCoin = " + r.numerator() + "/" + r.denominator() + "\n"
                + "payout.diamondValue = " + p.diamondValue().amount() + " per " + p.diamondValue().diamonds() + "\n"
                + "payout.minimum = " + p.minimum() + "\n"
                + "payout.dailyLimit = " + p.dailyLimit() + "\n"
                + "payout.dayZone = " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + "\n";
    }

    private record Entry(int line, String value) {
    }

    private static EconomyPolicy parse(String file, List<Line> lines) {
        Map<String, Entry> entries = new HashMap<>();
        for (Line line : lines) {
            String text = line.text().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw CatalogFormatException.atLine(file, line.number(), "a line key = value",
                        CatalogFormatException.quote(line.text()));
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw CatalogFormatException.atKey(file, line.number(), key,
                        "one of the keys " + String.join(", ", KEYS), "an unknown key");
            }
            Entry first = entries.putIfAbsent(key, new Entry(line.number(), value));
            if (first != null) {
                throw CatalogFormatException.atKey(file, line.number(), key, "each key once",
                        String.format(Locale.ROOT, "a second value %s (first on line %d)",
                                CatalogFormatException.quote(value), first.line()));
            }
        }
        for (String key : KEYS) {
            if (!entries.containsKey(key)) {
                throw CatalogFormatException.atKey(file, 0, key,
                        "a line \"" + key + " = ...\" (every key is required)", "none");
            }
        }
        Parser in = new Parser(file, entries);
        String version = in.version();
        Ratio ratio = in.ratio();
        DiamondValue value = in.diamondValue();
        Money minimum = in.money("payout.minimum", false, value.currency());
        Money dailyLimit = in.money("payout.dailyLimit", true, value.currency());
        if (dailyLimit.isLessThan(minimum)) {
            throw in.error("payout.dailyLimit", "an amount of at least payout.minimum (" + minimum + ")");
        }
        ZoneId zone = in.zone();
        return new EconomyPolicy(version, new ConversionPolicy(ratio),
                new PayoutPolicy(value, minimum, dailyLimit, zone));
    }

    /** Parses the values; every failure names the key and its line. */
    private record Parser(String file, Map<String, Entry> entries) {

        CatalogFormatException error(String key, String expected) {
            Entry e = entries.get(key);
            return CatalogFormatException.atKey(file, e.line(), key, expected, CatalogFormatException.quote(e.value()));
        }

        String value(String key) {
            return entries.get(key).value();
        }

        String version() {
            String v = value("version");
            if (v.isEmpty() || v.length() > 64) {
                throw error("version", EXPECTED_VERSION);
            }
            return v;
        }

        Ratio ratio() {
            Matcher m = RATIO.matcher(value("conversion.diamondsPerCoin"));
            if (!m.matches()) {
                throw error("conversion.diamondsPerCoin", EXPECTED_RATIO);
            }
            try {
                long n = Long.parseLong(m.group(1));
                long d = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
                return Ratio.of(n, d);
            } catch (IllegalArgumentException tooLargeOrZero) { // NumberFormatException is one
                throw error("conversion.diamondsPerCoin", EXPECTED_RATIO);
            }
        }

        DiamondValue diamondValue() {
            String key = "payout.diamondValue";
            String v = value(key);
            try {
                Matcher per = PER.matcher(v);
                if (per.matches()) {
                    Currency currency = Money.currency(per.group(1));
                    return DiamondValue.of(Money.of(currency, new BigDecimal(per.group(2))), Long.parseLong(per.group(3)));
                }
                Matcher one = MONEY.matcher(v);
                if (one.matches()) {
                    return DiamondValue.perDiamond(one.group(1), one.group(2));
                }
            } catch (IllegalArgumentException | ArithmeticException bad) {
                // unknown currency, too many places, zero, overflow: fall through
            }
            throw error(key, EXPECTED_VALUE);
        }

        Money money(String key, boolean positive, Currency currency) {
            String v = value(key);
            String code = currency.getCurrencyCode();
            String expected = String.format(Locale.ROOT,
                    "%s amount in %s (the currency of payout.diamondValue) such as \"%s\", at most %d decimal places",
                    positive ? "a positive" : "a non-negative", code, Money.ofMinor(currency, 10_000L), currency.getDefaultFractionDigits());
            Matcher m = MONEY.matcher(v);
            if (!m.matches() || !m.group(1).equals(code)) {
                throw error(key, expected);
            }
            BigDecimal amount = new BigDecimal(m.group(2));
            if (amount.scale() > currency.getDefaultFractionDigits() || (positive && amount.signum() == 0)) {
                throw error(key, expected);
            }
            Money money = Money.of(currency, amount);
            try {
                money.toMinorUnits();
            } catch (ArithmeticException overflow) {
                throw error(key, "an amount of at most " + Money.ofMinor(currency, Long.MAX_VALUE));
            }
            return money;
        }

        ZoneId zone() {
            try {
                return ZoneId.of(value("payout.dayZone")).normalized();
            } catch (DateTimeException e) {
                throw error("payout.dayZone", EXPECTED_ZONE);
            }
        }
    }
}
