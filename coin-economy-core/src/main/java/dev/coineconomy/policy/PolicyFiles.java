package dev.coineconomy.policy;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.catalog.CatalogFormatException;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.FinancePolicy;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.finance.RefundPolicy;
import dev.coineconomy.finance.StoreFeePolicy;
import dev.coineconomy.finance.TaxPolicy;
import dev.coineconomy.finance.TaxRule;
import dev.coineconomy.internal.TextLines;
import dev.coineconomy.internal.TextLines.Line;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.profile.AccountKind;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads an {@link EconomyPolicy} from a plain {@code key = value} file, and writes one. Every setting of
 * every component of the policy has a key, so a file can say everything the library is configured by.
 *
 * <h2>Format</h2>
 * UTF-8 (a leading byte-order mark is ignored), lines ending with LF, CRLF or CR. Blank lines and lines
 * whose first non-blank character is {@code #} are ignored. Every other line is {@code key = value}:
 * split at the first {@code =}, spaces and tabs around key and value dropped. There are no escapes and
 * no continuation lines ({@link java.util.Properties} is not used: it silently accepts duplicate keys,
 * {@code key value} without a separator and unicode escapes). Every key appears at most once; an unknown
 * key is an error. Keys, enum names, region codes ({@code KR}, ISO 3166-1 alpha-2) and currency codes
 * ({@code USD}, ISO 4217) are case-sensitive and written in capitals where shown so.
 *
 * <h2>Sections</h2>
 * The keys form sections by their first part. The first three are required, every key of them:
 * {@code version}, {@code conversion} and {@code payout} say everything that prices withdrawals, and
 * nothing of them is inherited silently from the reference policy. The sections {@code eligibility},
 * {@code limits} and {@code finance} are optional <em>as a whole</em>: a file without any key of one of
 * them gets that component's reference ({@link EligibilityPolicy#REFERENCE}, {@link SpendingLimits#NONE},
 * {@link FinancePolicy#REFERENCE}), so files written before those components existed load unchanged. A file
 * with any key of such a section must give every required key of it (the keys marked "required" below);
 * keys with a region, currency or period part are optional, and an absent one means no override or no
 * limit — nothing is taken from the reference for a section the file gives.
 *
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
 *       {@code Europe/Paris}); fixed-offset zones are normalised to a {@link ZoneOffset} (so are all zones
 *       below)</td><td>{@code UTC}</td></tr>
 *   <tr><td>{@code eligibility.buyAge}, {@code eligibility.sendAge}, {@code eligibility.receiveAge}
 *       (required)</td><td>whole years, 0 to 150</td><td>18, 18, 18</td></tr>
 *   <tr><td>{@code eligibility.buyAge.KR} (any region; also {@code sendAge.}, {@code receiveAge.})</td>
 *       <td>whole years, 0 to 150: the {@link MinimumAge} override of that region</td>
 *       <td>{@code buyAge.KR = 19}, {@code sendAge.KR = 19}</td></tr>
 *   <tr><td>{@code eligibility.giftingExcludedRegions} (required)</td><td>{@code none} or region codes
 *       separated by commas, each once</td><td>{@code none}</td></tr>
 *   <tr><td>{@code eligibility.liveMinimumAge} (required)</td><td>whole years, 0 to 150</td><td>18</td></tr>
 *   <tr><td>{@code eligibility.liveMinimumFollowers} (required)</td><td>a whole number, not negative</td>
 *       <td>1000</td></tr>
 *   <tr><td>{@code eligibility.restrictedMayBuy} (required)</td><td>{@code true} or {@code false}</td>
 *       <td>{@code true}</td></tr>
 *   <tr><td>{@code eligibility.excludedAccountKinds} (required)</td><td>{@code none} or
 *       {@link AccountKind} names separated by commas, each once</td>
 *       <td>{@code GOVERNMENT, POLITICIAN, POLITICAL_PARTY}</td></tr>
 *   <tr><td>{@code eligibility.ageZone} (required)</td><td>a time-zone id</td><td>{@code UTC}</td></tr>
 *   <tr><td>{@code limits.purchase.DAY.USD} (any {@link CalendarPeriod}, any currency)</td><td>an amount
 *       in that currency, not negative, within its places: the most a user may pay for coins in that
 *       currency per period</td><td>none</td></tr>
 *   <tr><td>{@code limits.gift.WEEK} (any period)</td><td>a whole number of coins, not negative</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code limits.zone} (required)</td><td>a time-zone id</td><td>{@code UTC}</td></tr>
 *   <tr><td>{@code limits.weekStart} (required)</td><td>a {@link DayOfWeek} name</td>
 *       <td>{@code MONDAY}</td></tr>
 *   <tr><td>{@code finance.storeFee.APP}, {@code finance.storeFee.WEB} (required: one per {@link Channel})</td>
 *       <td>a fee rate {@code n/d} or {@code n}, at most 1</td><td>{@code 3/10}, {@code 0/1}</td></tr>
 *   <tr><td>{@code finance.storeFee.APP.KR} (any channel, any region)</td><td>a fee rate, at most 1: the
 *       override of that region and channel</td><td>none</td></tr>
 *   <tr><td>{@code finance.tax.default} (required)</td><td>a tax rule: {@code inclusive n/d} (prices
 *       include tax at that rate on the net price), {@code exclusive}, or {@code exclusive n/d} (prices
 *       exclude tax; the rate is informational)</td><td>{@code exclusive}</td></tr>
 *   <tr><td>{@code finance.tax.GB} (any region)</td><td>a tax rule</td>
 *       <td>{@code GB = inclusive 1/5}, {@code US = exclusive}</td></tr>
 *   <tr><td>{@code finance.refund.window} (required)</td><td>an ISO 8601 duration, not negative</td>
 *       <td>{@code P14D}</td></tr>
 *   <tr><td>{@code finance.refund.mode} (required)</td><td>a {@link RefundPolicy.Mode} name</td>
 *       <td>{@code UNUSED_ONLY}</td></tr>
 *   <tr><td>{@code finance.chargeback.mode} (required)</td><td>a {@link ChargebackPolicy.Mode} name</td>
 *       <td>{@code NEGATIVE_BALANCE}</td></tr>
 *   <tr><td>{@code finance.hold} (required)</td><td>an ISO 8601 duration, not negative</td>
 *       <td>{@code PT0S}</td></tr>
 * </table>
 *
 * <p>Every bad input is a {@link CatalogFormatException} naming the file, the line and the key, what was
 * expected and what was found (for a bad region, currency, period or channel part of a key, that part);
 * nothing partial is returned. Syntax, unknown and duplicate keys are reported in line order first, then a
 * missing key, then bad values. A file that cannot be read is an {@link UncheckedIOException}. Stateless
 * and thread-safe.
 */
public final class PolicyFiles {

    /**
     * The keys without a region, currency, period or channel part, in the order {@link #format} writes
     * them. Those of {@code version}, {@code conversion} and {@code payout} are required; those of the other
     * sections are required when the section appears.
     */
    public static final List<String> KEYS = List.of("version", "conversion.diamondsPerCoin", "payout.diamondValue",
            "payout.minimum", "payout.dailyLimit", "payout.dayZone",
            "eligibility.buyAge", "eligibility.sendAge", "eligibility.receiveAge",
            "eligibility.giftingExcludedRegions", "eligibility.liveMinimumAge", "eligibility.liveMinimumFollowers",
            "eligibility.restrictedMayBuy", "eligibility.excludedAccountKinds", "eligibility.ageZone",
            "limits.zone", "limits.weekStart",
            "finance.storeFee.APP", "finance.storeFee.WEB", "finance.tax.default", "finance.refund.window",
            "finance.refund.mode", "finance.chargeback.mode", "finance.hold");

    /** The sections whose keys are optional as a whole. */
    private static final List<String> OPTIONAL_SECTIONS = List.of("eligibility", "limits", "finance");

    /** The keys of each section, for the message about an unknown key. */
    private static final Map<String, String> SECTION_KEYS = Map.of(
            "conversion", "conversion.diamondsPerCoin",
            "payout", "payout.diamondValue, payout.minimum, payout.dailyLimit, payout.dayZone",
            "eligibility", "eligibility.buyAge, eligibility.buyAge.<region>, eligibility.sendAge, "
                    + "eligibility.sendAge.<region>, eligibility.receiveAge, eligibility.receiveAge.<region>, "
                    + "eligibility.giftingExcludedRegions, eligibility.liveMinimumAge, "
                    + "eligibility.liveMinimumFollowers, eligibility.restrictedMayBuy, "
                    + "eligibility.excludedAccountKinds, eligibility.ageZone",
            "limits", "limits.purchase.<period>.<currency>, limits.gift.<period>, limits.zone, limits.weekStart",
            "finance", "finance.storeFee.<channel>, finance.storeFee.<channel>.<region>, finance.tax.default, "
                    + "finance.tax.<region>, finance.refund.window, finance.refund.mode, finance.chargeback.mode, "
                    + "finance.hold");

    private static final List<String> AGE_KEYS = List.of("buyAge", "sendAge", "receiveAge");

    private static final Pattern RATIO = Pattern.compile("([0-9]+)(?:/([0-9]+))?");
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) ([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern PER = Pattern.compile("([A-Z]{3}) ([0-9]+(?:\\.[0-9]+)?) per ([0-9]+)(?: diamonds?)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern TAX = Pattern.compile("(inclusive|exclusive)(?:[ \\t]+([0-9]+(?:/[0-9]+)?))?");
    private static final Pattern REGION_CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private static final String EXPECTED_VERSION = "a version label of 1 to 64 characters";
    private static final String EXPECTED_RATIO = "a ratio n/d or a whole number n of diamonds per coin (ASCII digits, d > 0)";
    private static final String EXPECTED_VALUE =
            "a value such as \"USD 1.00 per 200\" (an amount per a number of diamonds) or \"USD 0.005\" (one diamond)";
    private static final String EXPECTED_ZONE = "a time-zone id such as UTC, +02:00 or Europe/Paris";
    private static final String EXPECTED_AGE = "a whole number of years from 0 to " + MinimumAge.MAX_YEARS;
    private static final String EXPECTED_FOLLOWERS = "a whole number of followers, not negative (ASCII digits)";
    private static final String EXPECTED_BOOLEAN = "true or false";
    private static final String EXPECTED_REGIONS = "none or ISO 3166-1 alpha-2 region codes in capitals separated "
            + "by commas, each once, such as \"CN, KP\"";
    private static final String EXPECTED_KINDS = "none or account kinds separated by commas, each once, from "
            + names(AccountKind.values());
    private static final String EXPECTED_COINS = "a whole number of coins, not negative (ASCII digits)";
    private static final String EXPECTED_FEE = "a fee rate n/d or n of at most 1 (ASCII digits, d > 0), such as 3/10";
    private static final String EXPECTED_TAX = "a tax rule \"inclusive n/d\" (prices include tax at that rate, "
            + "such as inclusive 1/5), \"exclusive\" or \"exclusive n/d\"";
    private static final String EXPECTED_DURATION = "a non-negative ISO 8601 duration such as P14D, PT12H or PT0S";
    private static final String EXPECTED_REGION = "an ISO 3166-1 alpha-2 region code in capitals, such as KR,";
    private static final String EXPECTED_PERIOD = "a period, one of " + names(CalendarPeriod.values()) + ",";
    private static final String EXPECTED_CURRENCY = "an ISO 4217 currency code with minor units, such as USD,";
    private static final String EXPECTED_CHANNEL = "a channel, one of " + names(Channel.values()) + ",";

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
     * Writes every setting of a policy, every section included, in the format {@link #read} reads;
     * reading the text back gives an equal policy, provided the version has no surrounding spaces and
     * every zone is normalised ({@link ZoneId#normalized()}: {@code ZoneId.of("UTC")} is written
     * {@code UTC} and read back as {@link ZoneOffset#UTC}). Keys with a region, currency or period part are
     * written sorted by it.
     *
     * @param policy the policy
     * @return the file content, one key per line, LF line ends
     */
    public static String format(EconomyPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        StringBuilder b = new StringBuilder("# coin-economy policy\n");
        Ratio r = policy.conversion().diamondsPerCoin();
        PayoutPolicy p = policy.payout();
        line(b, "version", policy.version());
        line(b, "conversion.diamondsPerCoin", r.numerator() + "/" + r.denominator());
        line(b, "payout.diamondValue", p.diamondValue().amount() + " per " + p.diamondValue().diamonds());
        line(b, "payout.minimum", p.minimum());
        line(b, "payout.dailyLimit", p.dailyLimit());
        line(b, "payout.dayZone", zone(p.dayZone()));

        EligibilityPolicy e = policy.eligibility();
        b.append("\n# eligibility\n");
        ages(b, "eligibility.buyAge", e.buyAge());
        ages(b, "eligibility.sendAge", e.sendAge());
        ages(b, "eligibility.receiveAge", e.receiveAge());
        line(b, "eligibility.giftingExcludedRegions", list(e.giftingExcludedRegions(), Region::code));
        line(b, "eligibility.liveMinimumAge", e.liveMinimumAge());
        line(b, "eligibility.liveMinimumFollowers", e.liveMinimumFollowers());
        line(b, "eligibility.restrictedMayBuy", e.restrictedMayBuy());
        line(b, "eligibility.excludedAccountKinds", e.excludedAccountKinds().isEmpty() ? "none"
                : EnumSet.copyOf(e.excludedAccountKinds()).stream().map(Enum::name).collect(Collectors.joining(", ")));
        line(b, "eligibility.ageZone", zone(e.ageZone()));

        SpendingLimits l = policy.limits();
        b.append("\n# spending limits\n");
        for (CalendarPeriod period : CalendarPeriod.values()) {
            TreeMap<String, Money> sorted = new TreeMap<>();
            l.purchaseLimits(period).forEach((c, m) -> sorted.put(c.getCurrencyCode(), m));
            sorted.forEach((code, m) -> line(b, "limits.purchase." + period + "." + code, m.amount().toPlainString()));
        }
        for (CalendarPeriod period : CalendarPeriod.values()) {
            l.giftLimit(period).ifPresent(c -> line(b, "limits.gift." + period, c.amount()));
        }
        line(b, "limits.zone", zone(l.zone()));
        line(b, "limits.weekStart", l.weekStart());

        FinancePolicy f = policy.finance();
        b.append("\n# finance\n");
        StoreFeePolicy fees = f.fees();
        for (Channel c : Channel.values()) {
            line(b, "finance.storeFee." + c, ratio(fees.rates().get(c)));
        }
        fees.overrides().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<PriceKey, Ratio> o) -> o.getKey().channel())
                        .thenComparing(o -> o.getKey().region().code()))
                .forEach(o -> line(b, "finance.storeFee." + o.getKey().channel() + "." + o.getKey().region(),
                        ratio(o.getValue())));
        TaxPolicy taxes = f.taxes();
        line(b, "finance.tax.default", tax(taxes.defaultRule()));
        new TreeMap<>(taxes.rules().entrySet().stream().collect(Collectors.toMap(t -> t.getKey().code(),
                Map.Entry::getValue))).forEach((region, rule) -> line(b, "finance.tax." + region, tax(rule)));
        line(b, "finance.refund.window", duration(f.refunds().window()));
        line(b, "finance.refund.mode", f.refunds().mode());
        line(b, "finance.chargeback.mode", f.chargebacks().mode());
        line(b, "finance.hold", duration(f.hold().hold()));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(key).append(" = ").append(value).append('\n');
    }

    private static void ages(StringBuilder b, String key, MinimumAge age) {
        line(b, key, age.years());
        new TreeMap<>(age.byRegion().entrySet().stream().collect(Collectors.toMap(a -> a.getKey().code(),
                Map.Entry::getValue))).forEach((region, years) -> line(b, key + "." + region, years));
    }

    private static <T> String list(Collection<T> items, Function<T, String> name) {
        return items.isEmpty() ? "none" : items.stream().map(name).sorted().collect(Collectors.joining(", "));
    }

    private static String zone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static String ratio(Ratio r) {
        return r.numerator() + "/" + r.denominator();
    }

    private static String tax(TaxRule rule) {
        if (rule.pricesIncludeTax()) {
            return "inclusive " + ratio(rule.rate());
        }
        return rule.rate().isZero() ? "exclusive" : "exclusive " + ratio(rule.rate());
    }

    private static String duration(Duration d) {
        if (d.isZero()) {
            return "PT0S";
        }
        return d.getNano() == 0 && d.getSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private static <E extends Enum<E>> String names(E[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private record Entry(int line, String value) {
    }

    private static String sectionOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static EconomyPolicy parse(String file, List<Line> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
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
            checkKey(file, line.number(), key);
            Entry first = entries.putIfAbsent(key, new Entry(line.number(), value));
            if (first != null) {
                throw CatalogFormatException.atKey(file, line.number(), key, "each key once",
                        String.format(Locale.ROOT, "a second value %s (first on line %d)",
                                CatalogFormatException.quote(value), first.line()));
            }
        }
        Set<String> sections = new HashSet<>();
        entries.keySet().forEach(k -> sections.add(sectionOf(k)));
        for (String key : KEYS) {
            String section = sectionOf(key);
            boolean optional = OPTIONAL_SECTIONS.contains(section);
            if (!entries.containsKey(key) && (!optional || sections.contains(section))) {
                throw CatalogFormatException.atKey(file, 0, key, "a line \"" + key + " = ...\" ("
                        + (optional ? "every key of the " + section + " section is required once one is given"
                        : "every key is required") + ")", "none");
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
        ZoneId zone = in.zone("payout.dayZone");
        EligibilityPolicy eligibility = sections.contains("eligibility") ? in.eligibility() : EligibilityPolicy.REFERENCE;
        SpendingLimits limits = sections.contains("limits") ? in.limits() : SpendingLimits.NONE;
        FinancePolicy finance = sections.contains("finance") ? in.finance() : FinancePolicy.REFERENCE;
        return new EconomyPolicy(version, new ConversionPolicy(ratio),
                new PayoutPolicy(value, minimum, dailyLimit, zone), eligibility, limits, finance);
    }

    /**
     * Checks that a key is known: one of {@link #KEYS} or a key with a valid region, currency, period or
     * channel part.
     */
    private static void checkKey(String file, int line, String key) {
        if (KEYS.contains(key)) {
            return;
        }
        String[] parts = key.split("\\.", -1);
        KeyPart part = new KeyPart(file, line, key);
        switch (parts[0]) {
            case "eligibility":
                if (parts.length == 3 && AGE_KEYS.contains(parts[1])) {
                    part.region(parts, 2);
                    return;
                }
                break;
            case "limits":
                if (parts.length == 4 && parts[1].equals("purchase")) {
                    part.period(parts, 2);
                    part.currency(parts, 3);
                    return;
                }
                if (parts.length == 3 && parts[1].equals("gift")) {
                    part.period(parts, 2);
                    return;
                }
                break;
            case "finance":
                if ((parts.length == 3 || parts.length == 4) && parts[1].equals("storeFee")) {
                    part.channel(parts, 2);
                    part.region(parts, 3); // a channel of KEYS has 3 parts and is known already
                    return;
                }
                if (parts.length == 3 && parts[1].equals("tax")) {
                    part.region(parts, 2);
                    return;
                }
                break;
            default:
                break;
        }
        String known = SECTION_KEYS.get(parts[0]);
        throw CatalogFormatException.atKey(file, line, key, known != null ? "one of the keys " + known
                : "one of the keys version, conversion.diamondsPerCoin or a key of the sections payout, "
                + "eligibility, limits, finance", "an unknown key");
    }

    /** Checks the variable parts of a key. */
    private record KeyPart(String file, int line, String key) {

        private CatalogFormatException error(String[] parts, int index, String expected) {
            String prefix = String.join(".", Arrays.copyOf(parts, index)) + ".";
            return CatalogFormatException.atKey(file, line, key, expected + " after \"" + prefix + "\"",
                    CatalogFormatException.quote(parts[index]));
        }

        void region(String[] parts, int index) {
            if (index < parts.length && regionOrNull(parts[index]) == null) {
                throw error(parts, index, EXPECTED_REGION);
            }
        }

        void period(String[] parts, int index) {
            if (enumOrNull(CalendarPeriod.class, parts[index]) == null) {
                throw error(parts, index, EXPECTED_PERIOD);
            }
        }

        void currency(String[] parts, int index) {
            if (currencyOrNull(parts[index]) == null) {
                throw error(parts, index, EXPECTED_CURRENCY);
            }
        }

        void channel(String[] parts, int index) {
            if (enumOrNull(Channel.class, parts[index]) == null) {
                throw error(parts, index, EXPECTED_CHANNEL);
            }
        }
    }

    private static Region regionOrNull(String code) {
        if (!REGION_CODE.matcher(code).matches()) {
            return null;
        }
        try {
            return Region.of(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Currency currencyOrNull(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return null;
        }
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
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

        /** The keys that start with {@code prefix} and are not in {@link #KEYS}, in line order. */
        List<String> variable(String prefix) {
            List<String> keys = new ArrayList<>();
            for (String key : entries.keySet()) {
                if (key.startsWith(prefix) && !KEYS.contains(key)) {
                    keys.add(key);
                }
            }
            return keys;
        }

        String version() {
            String v = value("version");
            if (v.isEmpty() || v.length() > 64) {
                throw error("version", EXPECTED_VERSION);
            }
            return v;
        }

        Ratio ratio() {
            Ratio r = ratioOrNull(value("conversion.diamondsPerCoin"));
            if (r == null) {
                throw error("conversion.diamondsPerCoin", EXPECTED_RATIO);
            }
            return r;
        }

        static Ratio ratioOrNull(String text) {
            Matcher m = RATIO.matcher(text);
            if (!m.matches()) {
                return null;
            }
            try {
                long n = Long.parseLong(m.group(1));
                long d = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
                return Ratio.of(n, d);
            } catch (IllegalArgumentException tooLargeOrZero) { // NumberFormatException is one
                return null;
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
            return fitting(key, Money.of(currency, amount));
        }

        Money fitting(String key, Money money) {
            try {
                money.toMinorUnits();
            } catch (ArithmeticException overflow) {
                throw error(key, "an amount of at most " + Money.ofMinor(money.currency(), Long.MAX_VALUE));
            }
            return money;
        }

        ZoneId zone(String key) {
            try {
                return ZoneId.of(value(key)).normalized();
            } catch (DateTimeException e) {
                throw error(key, EXPECTED_ZONE);
            }
        }

        long whole(String key, long max, String expected) {
            String v = value(key);
            if (DIGITS.matcher(v).matches()) {
                try {
                    long n = Long.parseLong(v);
                    if (n <= max) {
                        return n;
                    }
                } catch (NumberFormatException tooLarge) {
                    // fall through
                }
            }
            throw error(key, expected);
        }

        int age(String key) {
            return (int) whole(key, MinimumAge.MAX_YEARS, EXPECTED_AGE);
        }

        <E extends Enum<E>> E constant(String key, Class<E> type) {
            E e = enumOrNull(type, value(key));
            if (e == null) {
                throw error(key, "one of " + names(type.getEnumConstants()));
            }
            return e;
        }

        <T> Set<T> set(String key, Function<String, T> item, String expected) {
            String v = value(key);
            if (v.equals("none")) {
                return Set.of();
            }
            Set<T> out = new HashSet<>();
            for (String part : v.split(",", -1)) {
                T t = item.apply(part.strip());
                if (t == null || !out.add(t)) {
                    throw error(key, expected);
                }
            }
            return out;
        }

        Duration duration(String key) {
            try {
                Duration d = Duration.parse(value(key));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeException bad) {
                // fall through
            }
            throw error(key, EXPECTED_DURATION);
        }

        Ratio fee(String key) {
            Ratio r = ratioOrNull(value(key));
            if (r == null || r.compareTo(Ratio.ONE) > 0) {
                throw error(key, EXPECTED_FEE);
            }
            return r;
        }

        TaxRule tax(String key) {
            Matcher m = TAX.matcher(value(key));
            if (m.matches()) {
                boolean inclusive = m.group(1).equals("inclusive");
                if (m.group(2) == null) {
                    if (!inclusive) {
                        return TaxRule.EXCLUSIVE;
                    }
                } else {
                    Ratio r = ratioOrNull(m.group(2));
                    if (r != null) {
                        return inclusive ? TaxRule.included(r) : TaxRule.excluded(r);
                    }
                }
            }
            throw error(key, EXPECTED_TAX);
        }

        MinimumAge minimumAge(String name) {
            String key = "eligibility." + name;
            MinimumAge age = MinimumAge.of(age(key));
            for (String override : variable(key + ".")) {
                age = age.withRegion(Region.of(override.substring(key.length() + 1)), age(override));
            }
            return age;
        }

        EligibilityPolicy eligibility() {
            MinimumAge buy = minimumAge("buyAge");
            MinimumAge send = minimumAge("sendAge");
            MinimumAge receive = minimumAge("receiveAge");
            Set<Region> excludedRegions = set("eligibility.giftingExcludedRegions", PolicyFiles::regionOrNull,
                    EXPECTED_REGIONS);
            int liveAge = age("eligibility.liveMinimumAge");
            long followers = whole("eligibility.liveMinimumFollowers", Long.MAX_VALUE, EXPECTED_FOLLOWERS);
            String mayBuy = value("eligibility.restrictedMayBuy");
            if (!mayBuy.equals("true") && !mayBuy.equals("false")) {
                throw error("eligibility.restrictedMayBuy", EXPECTED_BOOLEAN);
            }
            Set<AccountKind> kinds = set("eligibility.excludedAccountKinds", s -> enumOrNull(AccountKind.class, s),
                    EXPECTED_KINDS);
            ZoneId ageZone = zone("eligibility.ageZone");
            return new EligibilityPolicy(buy, send, receive, excludedRegions, liveAge, followers,
                    mayBuy.equals("true"), kinds, ageZone);
        }

        SpendingLimits limits() {
            SpendingLimits limits = SpendingLimits.NONE;
            for (String key : variable("limits.purchase.")) {
                String[] parts = key.split("\\.");
                Currency currency = Money.currency(parts[3]);
                String v = value(key);
                int places = currency.getDefaultFractionDigits();
                String expected = String.format(Locale.ROOT, "a non-negative amount in %s with %s, such as \"%s\"",
                        parts[3], places == 0 ? "no decimal places" : "at most " + places + " decimal places",
                        BigDecimal.valueOf(500).setScale(places).toPlainString());
                if (!DECIMAL.matcher(v).matches()
                        || new BigDecimal(v).scale() > currency.getDefaultFractionDigits()) {
                    throw error(key, expected);
                }
                Money max = fitting(key, Money.of(currency, new BigDecimal(v)));
                limits = limits.withPurchaseLimit(CalendarPeriod.valueOf(parts[2]), max);
            }
            for (String key : variable("limits.gift.")) {
                limits = limits.withGiftLimit(CalendarPeriod.valueOf(key.substring("limits.gift.".length())),
                        Coins.of(whole(key, Long.MAX_VALUE, EXPECTED_COINS)));
            }
            ZoneId zone = zone("limits.zone");
            return limits.withZone(zone).withWeekStart(constant("limits.weekStart", DayOfWeek.class));
        }

        FinancePolicy finance() {
            Map<Channel, Ratio> rates = new EnumMap<>(Channel.class);
            for (Channel c : Channel.values()) {
                rates.put(c, fee("finance.storeFee." + c));
            }
            Map<PriceKey, Ratio> overrides = new HashMap<>();
            for (String key : variable("finance.storeFee.")) {
                String[] parts = key.split("\\.");
                overrides.put(PriceKey.of(Region.of(parts[3]), Channel.valueOf(parts[2])), fee(key));
            }
            TaxRule defaultRule = tax("finance.tax.default");
            Map<Region, TaxRule> rules = new HashMap<>();
            for (String key : variable("finance.tax.")) {
                rules.put(Region.of(key.substring("finance.tax.".length())), tax(key));
            }
            Duration window = duration("finance.refund.window");
            RefundPolicy.Mode refundMode = constant("finance.refund.mode", RefundPolicy.Mode.class);
            ChargebackPolicy.Mode chargebackMode = constant("finance.chargeback.mode", ChargebackPolicy.Mode.class);
            Duration hold = duration("finance.hold");
            return new FinancePolicy(new StoreFeePolicy(rates, overrides), new TaxPolicy(rules, defaultRule),
                    new RefundPolicy(window, refundMode), new ChargebackPolicy(chargebackMode), new HoldPolicy(hold));
        }
    }
}
