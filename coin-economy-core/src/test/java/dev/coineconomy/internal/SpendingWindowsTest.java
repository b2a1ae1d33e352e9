package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.internal.SpendingWindows.LimitCheck;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.CalendarPeriod;
import dev.coineconomy.policy.LimitKind;
import dev.coineconomy.policy.SpendingLimits;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Period labels and counter keys at calendar boundaries, and the limit check's decisions and rejection values. */
class SpendingWindowsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final UserId ANN = UserId.of("ann");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z"); // a Wednesday
    private static final SpendingLimits ALL = SpendingLimits.NONE
            .withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "500.00"))
            .withPurchaseLimit(CalendarPeriod.WEEK, Money.of("USD", "2000.00"))
            .withPurchaseLimit(CalendarPeriod.MONTH, Money.of("USD", "5000.00"))
            .withGiftLimit(CalendarPeriod.DAY, Coins.of(1_000))
            .withGiftLimit(CalendarPeriod.WEEK, Coins.of(5_000))
            .withGiftLimit(CalendarPeriod.MONTH, Coins.of(10_000));

    private static String label(SpendingLimits l, CalendarPeriod p, String instant) {
        return SpendingWindows.periodLabel(l, p, Instant.parse(instant));
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- labels and keys ----------------------------------------------------------------------------

    @Test
    void keysNameWhatIsCountedAndTheCalendarPeriod() {
        assertEquals("gift-coins:D:2026-11-25", SpendingWindows.periodKey(ALL, LimitKind.GIFT_COINS_PER_DAY, null, NOW));
        assertEquals("gift-coins:W:2026-W48", SpendingWindows.periodKey(ALL, LimitKind.GIFT_COINS_PER_WEEK, null, NOW));
        assertEquals("gift-coins:M:2026-11", SpendingWindows.periodKey(ALL, LimitKind.GIFT_COINS_PER_MONTH, null, NOW));
        assertEquals("purchase:USD:D:2026-11-25",
                SpendingWindows.periodKey(ALL, LimitKind.PURCHASE_MONEY_PER_DAY, USD, NOW));
        assertEquals("purchase:USD:W:2026-W48",
                SpendingWindows.periodKey(ALL, LimitKind.PURCHASE_MONEY_PER_WEEK, USD, NOW));
        assertEquals("purchase:EUR:M:2026-11",
                SpendingWindows.periodKey(ALL, LimitKind.PURCHASE_MONEY_PER_MONTH, EUR, NOW));
        assertEquals("a purchase limit needs a currency, a gift limit none: PURCHASE_MONEY_PER_DAY null",
                assertThrows(IllegalArgumentException.class,
                        () -> SpendingWindows.periodKey(ALL, LimitKind.PURCHASE_MONEY_PER_DAY, null, NOW)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SpendingWindows.periodKey(ALL, LimitKind.GIFT_COINS_PER_DAY, USD, NOW));
    }

    @Test
    void daysRunFromMidnightToMidnightInTheZone() {
        assertEquals("2026-11-25", label(ALL, CalendarPeriod.DAY, "2026-11-25T00:00:00Z"));
        assertEquals("2026-11-25", label(ALL, CalendarPeriod.DAY, "2026-11-25T23:59:59.999999999Z"));
        assertEquals("2026-11-26", label(ALL, CalendarPeriod.DAY, "2026-11-26T00:00:00Z"));
        SpendingLimits seoul = ALL.withZone(ZoneId.of("Asia/Seoul"));
        assertEquals("2026-11-24", label(seoul, CalendarPeriod.DAY, "2026-11-24T14:59:59Z"));
        assertEquals("2026-11-25", label(seoul, CalendarPeriod.DAY, "2026-11-24T15:00:00Z"));
        assertEquals("2026-12", label(seoul, CalendarPeriod.MONTH, "2026-11-30T15:00:00Z"));
        assertEquals("2026-11", label(ALL, CalendarPeriod.MONTH, "2026-11-30T15:00:00Z"));
        assertEquals("2026-W49", label(seoul, CalendarPeriod.WEEK, "2026-11-29T15:00:00Z"), "Monday in Seoul");
        assertEquals("2026-W48", label(ALL, CalendarPeriod.WEEK, "2026-11-29T15:00:00Z"), "Sunday in UTC");
    }

    @Test
    void isoWeeksBelongToTheirWeekBasedYear() {
        assertEquals("2026-W53", label(ALL, CalendarPeriod.WEEK, "2026-12-31T12:00:00Z"));
        assertEquals("2026-W53", label(ALL, CalendarPeriod.WEEK, "2027-01-03T23:59:59Z"));
        assertEquals("2027-W01", label(ALL, CalendarPeriod.WEEK, "2027-01-04T00:00:00Z"));
        assertEquals("2025-W01", label(ALL, CalendarPeriod.WEEK, "2024-12-30T00:00:00Z"));
        assertEquals("2024-W52", label(ALL, CalendarPeriod.WEEK, "2024-12-29T23:59:59Z"));
        assertEquals("2026-W48", label(ALL, CalendarPeriod.WEEK, "2026-11-23T00:00:00Z"));
        assertEquals("2026-W47", label(ALL, CalendarPeriod.WEEK, "2026-11-22T23:59:59Z"));
        assertEquals("2026-W09", label(ALL, CalendarPeriod.WEEK, "2026-02-28T00:00:00Z"));
        assertEquals("2027-01", label(ALL, CalendarPeriod.MONTH, "2027-01-01T00:00:00Z"));
        assertEquals("2026-12", label(ALL, CalendarPeriod.MONTH, "2026-12-31T23:59:59Z"));
    }

    @Test
    void otherWeekStartsAreLabelledByTheirFirstDay() {
        SpendingLimits sunday = ALL.withWeekStart(DayOfWeek.SUNDAY);
        assertEquals("2026-11-22/P1W", label(sunday, CalendarPeriod.WEEK, "2026-11-25T12:00:00Z"));
        assertEquals("2026-11-22/P1W", label(sunday, CalendarPeriod.WEEK, "2026-11-22T00:00:00Z"));
        assertEquals("2026-11-22/P1W", label(sunday, CalendarPeriod.WEEK, "2026-11-28T23:59:59Z"));
        assertEquals("2026-11-15/P1W", label(sunday, CalendarPeriod.WEEK, "2026-11-21T23:59:59Z"));
        assertEquals("2026-12-27/P1W", label(sunday, CalendarPeriod.WEEK, "2027-01-02T00:00:00Z"), "across the year");
        assertEquals("gift-coins:W:2026-11-22/P1W",
                SpendingWindows.periodKey(sunday, LimitKind.GIFT_COINS_PER_WEEK, null, NOW));
        assertEquals("2026-11-19/P1W",
                label(ALL.withWeekStart(DayOfWeek.THURSDAY), CalendarPeriod.WEEK, "2026-11-25T12:00:00Z"));
    }

    // ---- applicable checks ------------------------------------------------------------------------

    @Test
    void applicableChecksListDayWeekMonthOfTheCommandsUnit() {
        assertEquals(List.of(
                new LimitCheck(LimitKind.PURCHASE_MONEY_PER_DAY, USD, "2026-11-25", "purchase:USD:D:2026-11-25", 50_000),
                new LimitCheck(LimitKind.PURCHASE_MONEY_PER_WEEK, USD, "2026-W48", "purchase:USD:W:2026-W48", 200_000),
                new LimitCheck(LimitKind.PURCHASE_MONEY_PER_MONTH, USD, "2026-11", "purchase:USD:M:2026-11", 500_000)),
                SpendingWindows.purchase(ALL, USD, NOW));
        assertEquals(List.of(
                new LimitCheck(LimitKind.GIFT_COINS_PER_DAY, null, "2026-11-25", "gift-coins:D:2026-11-25", 1_000),
                new LimitCheck(LimitKind.GIFT_COINS_PER_WEEK, null, "2026-W48", "gift-coins:W:2026-W48", 5_000),
                new LimitCheck(LimitKind.GIFT_COINS_PER_MONTH, null, "2026-11", "gift-coins:M:2026-11", 10_000)),
                SpendingWindows.gift(ALL, NOW));
        assertEquals(List.of(), SpendingWindows.purchase(ALL, EUR, NOW), "EUR purchases are not counted");
        assertEquals(List.of(), SpendingWindows.purchase(SpendingLimits.NONE, USD, NOW));
        assertEquals(List.of(), SpendingWindows.gift(SpendingLimits.NONE, NOW));
        assertEquals(List.of(), SpendingWindows.gift(SpendingLimits.youtubeLike(), NOW));
        List<LimitCheck> yt = SpendingWindows.purchase(SpendingLimits.youtubeLike(), USD, NOW);
        assertEquals(List.of(LimitKind.PURCHASE_MONEY_PER_DAY, LimitKind.PURCHASE_MONEY_PER_WEEK),
                yt.stream().map(LimitCheck::kind).toList());
        SpendingLimits jpy = SpendingLimits.NONE.withPurchaseLimit(CalendarPeriod.MONTH, Money.of("JPY", "10000"));
        assertEquals(10_000, SpendingWindows.purchase(jpy, Currency.getInstance("JPY"), NOW).get(0).maximum(),
                "minor units of a currency without decimals");
    }

    // ---- the check ---------------------------------------------------------------------------------

    @Test
    void exactlyTheLimitIsAcceptedOneMoreIsNot() {
        List<LimitCheck> checks = SpendingWindows.purchase(SpendingLimits.youtubeLike(), USD, NOW);
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, checks, new long[] {45_000, 45_000}, 5_000));
        EconomyException e = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, checks, new long[] {45_000, 45_000}, 5_001));
        assertEquals(RejectionCode.LIMIT_EXCEEDED, e.code());
        assertEquals(values("user", ANN, "limit", LimitKind.PURCHASE_MONEY_PER_DAY, "period", "2026-11-25",
                "maximum", Money.of("USD", "500.00"), "spent", Money.of("USD", "450.00"),
                "requested", Money.of("USD", "50.01"), "remaining", Money.of("USD", "50.00")), e.values());
        assertEquals("LIMIT_EXCEEDED: USD 50.01 of purchases would take user ann past the limit PURCHASE_MONEY_PER_DAY"
                + " of USD 500.00 in period 2026-11-25 (spent USD 450.00, remaining USD 50.00)", e.getMessage());
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, checks, new long[] {0, 0}, 0), "zero is always allowed");
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, List.of(), new long[0], Long.MAX_VALUE));
    }

    @Test
    void theRejectionNamesTheLimitWithTheLeastRemaining() {
        List<LimitCheck> checks = SpendingWindows.gift(ALL, NOW); // 1,000 / 5,000 / 10,000
        // day has 900 left, week 50, month 300: the week decides
        EconomyException e = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, checks, new long[] {100, 4_950, 9_700}, 400));
        assertEquals(values("user", ANN, "limit", LimitKind.GIFT_COINS_PER_WEEK, "period", "2026-W48",
                "maximum", Coins.of(5_000), "spent", Coins.of(4_950), "requested", Coins.of(400),
                "remaining", Coins.of(50)), e.values());
        assertEquals(50, SpendingWindows.allowed(checks, new long[] {100, 4_950, 9_700}));
        // a tie goes to the shorter period
        EconomyException tie = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, checks, new long[] {1_000, 5_000, 10_000}, 1));
        assertEquals(LimitKind.GIFT_COINS_PER_DAY, tie.value("limit"));
        assertEquals(Coins.of(0), tie.value("remaining"));
        assertEquals(Long.MAX_VALUE, SpendingWindows.allowed(List.of(), new long[0]));
    }

    @Test
    void aCounterAboveTheLimitLeavesNothingAndNothingOverflows() {
        List<LimitCheck> checks = SpendingWindows.gift(ALL, NOW);
        EconomyException e = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, checks, new long[] {1_500, 1_500, 1_500}, 1));
        assertEquals(Coins.of(0), e.value("remaining"));
        assertEquals(Coins.of(1_500), e.value("spent"));
        List<LimitCheck> huge = SpendingWindows.gift(
                SpendingLimits.NONE.withGiftLimit(CalendarPeriod.DAY, Coins.of(Long.MAX_VALUE)), NOW);
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, huge, new long[] {Long.MAX_VALUE - 1}, 1));
        EconomyException over = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, huge, new long[] {Long.MAX_VALUE - 1}, Long.MAX_VALUE));
        assertEquals(Coins.of(1), over.value("remaining"));
    }

    @Test
    void countersByKeyTreatAMissingKeyAsZero() {
        List<LimitCheck> checks = SpendingWindows.gift(ALL, NOW);
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, checks, Map.of(), 1_000));
        EconomyException e = assertThrows(EconomyException.class,
                () -> SpendingWindows.check(ANN, checks, Map.of("gift-coins:M:2026-11", 9_999L), 2));
        assertEquals(LimitKind.GIFT_COINS_PER_MONTH, e.value("limit"));
        assertEquals(Coins.of(1), e.value("remaining"));
        assertDoesNotThrow(() -> SpendingWindows.check(ANN, checks,
                Map.of("gift-coins:M:2026-10", 10_000L, "gift-coins:D:2026-11-24", 1_000L), 1_000),
                "other periods' counters do not count");
    }

    @Test
    void badInputsAreProgrammingErrors() {
        List<LimitCheck> checks = SpendingWindows.gift(ALL, NOW);
        assertEquals("2 counters for 3 limit checks", assertThrows(IllegalArgumentException.class,
                () -> SpendingWindows.check(ANN, checks, new long[2], 1)).getMessage());
        assertEquals("requested must not be negative: -1", assertThrows(IllegalArgumentException.class,
                () -> SpendingWindows.check(ANN, checks, new long[3], -1)).getMessage());
        assertEquals("counter gift-coins:W:2026-W48 must not be negative: -5", assertThrows(IllegalArgumentException.class,
                () -> SpendingWindows.check(ANN, checks, new long[] {0, -5, 0}, 1)).getMessage());
        assertEquals("user", assertThrows(NullPointerException.class,
                () -> SpendingWindows.check(null, checks, new long[3], 1)).getMessage());
        assertEquals("limits", assertThrows(NullPointerException.class,
                () -> SpendingWindows.gift(null, NOW)).getMessage());
        assertEquals("currency", assertThrows(NullPointerException.class,
                () -> SpendingWindows.purchase(ALL, null, NOW)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LimitCheck(LimitKind.GIFT_COINS_PER_DAY, null, "2026-11-25", "k", -1));
        assertThrows(IllegalArgumentException.class,
                () -> new LimitCheck(LimitKind.PURCHASE_MONEY_PER_DAY, null, "2026-11-25", "k", 1));
        assertTrue(assertThrows(IllegalStateException.class, () -> SpendingWindows.gift(ALL, Instant.MAX))
                .getMessage().startsWith("instant "));
    }
}
