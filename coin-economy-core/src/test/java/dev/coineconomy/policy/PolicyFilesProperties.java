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
import dev.coineconomy.profile.AccountKind;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@link PolicyFiles} over random policies (random ratios, values, ages and overrides, limits in several
 * currencies and periods, fee rates and overrides, tax rules, durations, modes, zones): the file
 * {@link PolicyFiles#format} writes reads back to an equal policy, does not depend on the order of its
 * lines, and loses every key it needs when one line is dropped.
 */
class PolicyFilesProperties {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "KRW", "KWD", "BHD", "CHF");
    private static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "KR", "JP", "CN", "KP", "BR", "IN");
    /** Normalised zones only: {@code ZoneId.of("UTC")} is written "UTC" and read back as {@code ZoneOffset.UTC}. */
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(9),
            ZoneOffset.ofHoursMinutes(-3, -30), ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Seoul"),
            ZoneId.of("America/New_York"));
    private static final String VERSION_CHARS = "abcXYZ019-_.:/ =#";

    private static final Gen<EconomyPolicy> POLICIES = PolicyFilesProperties::policy;

    @Test
    void formatThenReadGivesTheSamePolicy() {
        qt().withFixedSeed(0x9F11E5L).withExamples(1000)
                .forAll(POLICIES.describedAs(PolicyFiles::format))
                .checkAssert(p -> {
                    String text = PolicyFiles.format(p);
                    EconomyPolicy back = PolicyFiles.read("p", new StringReader(text));
                    assertEquals(p, back);
                    assertEquals(text, PolicyFiles.format(back));
                });
    }

    @Test
    void theOrderOfLinesDoesNotMatter() {
        qt().withFixedSeed(0x9F11E6L).withExamples(300)
                .forAll(POLICIES.describedAs(PolicyFiles::format), longs().all())
                .checkAssert((p, seed) -> {
                    List<String> lines = new ArrayList<>(PolicyFiles.format(p).lines().toList());
                    Collections.shuffle(lines, new Random(seed));
                    assertEquals(p, PolicyFiles.read("p", new StringReader(String.join("\r\n", lines))));
                });
    }

    @Test
    void droppingARequiredLineNamesItsKey() {
        qt().withFixedSeed(0x9F11E7L).withExamples(300)
                .forAll(POLICIES.describedAs(PolicyFiles::format), integers().between(0, PolicyFiles.KEYS.size() - 1))
                .checkAssert((p, i) -> {
                    String key = PolicyFiles.KEYS.get(i);
                    String text = PolicyFiles.format(p).lines().filter(l -> !l.startsWith(key + " = "))
                            .collect(Collectors.joining("\n"));
                    CatalogFormatException e = assertThrows(CatalogFormatException.class,
                            () -> PolicyFiles.read("p", new StringReader(text)));
                    assertEquals(key, e.key());
                    assertEquals(0, e.line());
                    assertTrue(e.getMessage().startsWith("p, key " + key + ": expected a line \"" + key + " = ...\""),
                            e::getMessage);
                });
    }

    // ---- generators: one source of randomness, drawn through QuickTheories so examples shrink ----

    private static int between(RandomnessSource in, int min, int max) {
        return integers().between(min, max).generate(in);
    }

    private static long between(RandomnessSource in, long min, long max) {
        return longs().between(min, max).generate(in);
    }

    private static boolean coin(RandomnessSource in) {
        return between(in, 0, 1) == 1;
    }

    private static <T> T pick(RandomnessSource in, List<T> items) {
        return items.get(between(in, 0, items.size() - 1));
    }

    private static <T> Set<T> subset(RandomnessSource in, List<T> items) {
        Set<T> out = new HashSet<>();
        for (T t : items) {
            if (between(in, 0, 3) == 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** Small and large values, the extremes included. */
    private static long amount(RandomnessSource in) {
        switch (between(in, 0, 3)) {
            case 0:
                return between(in, 0L, 100L);
            case 1:
                return between(in, 0L, 1_000_000_000L);
            case 2:
                return Long.MAX_VALUE;
            default:
                return between(in, 0L, Long.MAX_VALUE);
        }
    }

    private static Ratio ratio(RandomnessSource in, boolean atMostOne) {
        long d = coin(in) ? between(in, 1L, 100L) : between(in, 1L, Long.MAX_VALUE);
        long n = atMostOne ? between(in, 0L, d) : between(in, 0L, coin(in) ? 1_000L : Long.MAX_VALUE);
        return Ratio.of(n, d);
    }

    private static Duration duration(RandomnessSource in) {
        switch (between(in, 0, 3)) {
            case 0:
                return Duration.ZERO;
            case 1:
                return Duration.ofDays(between(in, 1L, 400L));
            case 2:
                return Duration.ofSeconds(between(in, 1L, 100_000_000L));
            default:
                return Duration.ofSeconds(between(in, 0L, 100_000_000L), between(in, 0L, 999_999_999L));
        }
    }

    private static MinimumAge minimumAge(RandomnessSource in) {
        MinimumAge age = MinimumAge.of(between(in, 0, MinimumAge.MAX_YEARS));
        for (Region r : subset(in, regions())) {
            age = age.withRegion(r, between(in, 0, MinimumAge.MAX_YEARS));
        }
        return age;
    }

    private static List<Region> regions() {
        return REGIONS.stream().map(Region::of).toList();
    }

    private static EconomyPolicy policy(RandomnessSource in) {
        StringBuilder version = new StringBuilder();
        int length = between(in, 1, 64);
        for (int i = 0; i < length; i++) {
            version.append(VERSION_CHARS.charAt(between(in, 0, VERSION_CHARS.length() - 1)));
        }
        String v = version.toString().strip();
        v = v.isEmpty() ? "v" : v;

        String currency = pick(in, CURRENCIES);
        DiamondValue value = DiamondValue.of(Money.ofMinor(currency, between(in, 1L, 1_000_000L)), between(in, 1L, 100_000L));
        Money minimum = Money.ofMinor(currency, between(in, 0L, 10_000_000L));
        Money dailyLimit = Money.ofMinor(currency, minimum.toMinorUnits() + between(in, 1L, 10_000_000L));
        PayoutPolicy payout = new PayoutPolicy(value, minimum, dailyLimit, pick(in, ZONES));

        EligibilityPolicy eligibility = new EligibilityPolicy(minimumAge(in), minimumAge(in), minimumAge(in),
                subset(in, regions()), between(in, 0, MinimumAge.MAX_YEARS), amount(in), coin(in),
                subset(in, List.of(AccountKind.values())), pick(in, ZONES));

        SpendingLimits limits = SpendingLimits.NONE.withZone(pick(in, ZONES))
                .withWeekStart(pick(in, List.of(DayOfWeek.values())));
        boolean limitPurchases = coin(in);
        for (CalendarPeriod period : CalendarPeriod.values()) {
            for (String c : limitPurchases ? subset(in, CURRENCIES) : Set.<String>of()) {
                limits = limits.withPurchaseLimit(period, Money.ofMinor(c, amount(in)));
            }
            if (coin(in)) {
                limits = limits.withGiftLimit(period, Coins.of(amount(in)));
            }
        }

        Map<Channel, Ratio> rates = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            rates.put(c, ratio(in, true));
        }
        StoreFeePolicy fees = new StoreFeePolicy(rates, Map.of());
        for (Region r : subset(in, regions())) {
            fees = fees.withOverride(r, pick(in, List.of(Channel.values())), ratio(in, true));
        }
        Map<Region, TaxRule> rules = new HashMap<>();
        for (Region r : subset(in, regions())) {
            rules.put(r, taxRule(in));
        }
        FinancePolicy finance = new FinancePolicy(fees, new TaxPolicy(rules, taxRule(in)),
                new RefundPolicy(duration(in), pick(in, List.of(RefundPolicy.Mode.values()))),
                new ChargebackPolicy(pick(in, List.of(ChargebackPolicy.Mode.values()))),
                new HoldPolicy(duration(in)));

        return new EconomyPolicy(v, new ConversionPolicy(ratio(in, false)), payout, eligibility, limits, finance);
    }

    private static TaxRule taxRule(RandomnessSource in) {
        switch (between(in, 0, 2)) {
            case 0:
                return TaxRule.EXCLUSIVE;
            case 1:
                return TaxRule.excluded(ratio(in, false));
            default:
                return TaxRule.included(ratio(in, false));
        }
    }

    @Test
    void generatorsReachEverySetting() {
        // the generator is not degenerate: over a few hundred policies every kind of setting varies
        Set<Object> seen = new HashSet<>();
        qt().withFixedSeed(0x9F11E8L).withExamples(300).forAll(POLICIES).checkAssert(p -> {
            seen.add("refund " + p.finance().refunds().mode());
            seen.add("chargeback " + p.finance().chargebacks().mode());
            seen.add("overrides " + !p.finance().fees().overrides().isEmpty());
            seen.add("buyAge overrides " + !p.eligibility().buyAge().byRegion().isEmpty());
            seen.add("purchase limits " + p.limits().limitsPurchases());
            seen.add("gift limits " + p.limits().limitsGifts());
            seen.add("hold " + p.finance().hold().holds());
            seen.add("default inclusive " + p.finance().taxes().defaultRule().pricesIncludeTax());
            seen.add("kinds " + p.eligibility().excludedAccountKinds().isEmpty());
        });
        assertEquals(18, seen.size(), seen::toString);
    }
}
