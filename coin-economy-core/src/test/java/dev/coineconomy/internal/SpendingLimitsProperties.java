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
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Spending limits hold under any sequence of commands at any clock. A per-user counter store is simulated
 * exactly as the facade will use it (read the counters of the applicable keys, check, add on accept) with
 * random limits, zones, week starts, users, currencies and amounts, at monotone and at arbitrary
 * (non-monotone) instants. Against a brute-force recomputation from the list of accepted commands and an
 * independent computation of calendar periods:
 * <ul>
 *   <li>each decision is exactly "every limit still holds after it", and a rejection names the limit with
 *       the least remaining and the true spent/remaining amounts;</li>
 *   <li>a rejected command changes no counter;</li>
 *   <li>no calendar period of any user ever exceeds a limit;</li>
 *   <li>the counters equal the sums of the accepted commands per key, and two instants share a key exactly
 *       when they fall in the same calendar period.</li>
 * </ul>
 */
class SpendingLimitsProperties {

    private static final long SEED = 0x5E4D_11A1_2026L;
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    /** null = gift (coins); otherwise the purchase currency. */
    private static final Currency[] UNITS = {null, USD, EUR, JPY};
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Seoul"),
            ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Chatham"),
            ZoneId.of("America/St_Johns"));
    /** Near a 53-week ISO year's end, US and EU DST changes, a leap day. */
    private static final List<Instant> BASES = List.of(Instant.parse("2026-12-20T00:00:00Z"),
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2024-02-20T00:00:00Z"),
            Instant.parse("2026-10-20T00:00:00Z"));
    private static final UserId[] USERS = {UserId.of("ann"), UserId.of("bob")};

    private static final Map<LimitKind, Integer> REJECTED_BY = new java.util.EnumMap<>(LimitKind.class);
    private static final long[] ACCEPTED = new long[1];
    private static final long[] EXACT_FITS = new long[1];

    record Op(int unit, long amount, long seconds, int user) {
    }

    record Setup(SpendingLimits limits, Instant base, boolean monotone) {
    }

    record Done(Op op, Instant at) {
    }

    private static Gen<Optional<Long>> optional(int max) {
        return integers().between(-max, max).map(v -> v < 0 ? Optional.<Long>empty() : Optional.of((long) v));
    }

    private static Gen<SpendingLimits> limits() {
        Gen<long[]> gifts = optional(3_000).zip(optional(8_000), optional(20_000),
                (d, w, m) -> new long[] {d.orElse(-1L), w.orElse(-1L), m.orElse(-1L)});
        Gen<long[]> usd = optional(50_000).zip(optional(150_000), optional(400_000),
                (d, w, m) -> new long[] {d.orElse(-1L), w.orElse(-1L), m.orElse(-1L)});
        return gifts.zip(usd, optional(30_000), Generate.pick(ZONES), Generate.enumValues(DayOfWeek.class),
                (g, u, eurDay, zone, weekStart) -> {
                    SpendingLimits l = SpendingLimits.NONE.withZone(zone).withWeekStart(weekStart);
                    CalendarPeriod[] periods = CalendarPeriod.values();
                    for (int i = 0; i < 3; i++) {
                        if (g[i] >= 0) {
                            l = l.withGiftLimit(periods[i], Coins.of(g[i]));
                        }
                        if (u[i] >= 0) {
                            l = l.withPurchaseLimit(periods[i], Money.ofMinor(USD, u[i]));
                        }
                    }
                    return eurDay.isPresent() ? l.withPurchaseLimit(CalendarPeriod.DAY, Money.ofMinor(EUR, eurDay.get())) : l;
                });
    }

    private static Gen<Setup> setups() {
        return limits().zip(Generate.pick(BASES), booleans().all(), Setup::new);
    }

    private static Gen<Op> ops() {
        return integers().between(0, 3).zip(integers().between(1, 40_000), integers().between(0, 2 * 86_400),
                integers().between(0, 1), (unit, amount, seconds, user) ->
                        new Op(unit, unit == 0 ? 1 + amount % 2_500 : amount, seconds, user));
    }

    @Test
    void noCalendarPeriodEverExceedsALimit() {
        qt().withFixedSeed(SEED).withExamples(400)
                .forAll(setups(), lists().of(ops()).ofSizeBetween(1, 80))
                .checkAssert(SpendingLimitsProperties::simulate);
        // the runs exercised every limit on both sides of its boundary
        for (LimitKind kind : LimitKind.values()) {
            assertTrue(REJECTED_BY.getOrDefault(kind, 0) > 10, () -> "few rejections by " + kind + ": " + REJECTED_BY);
        }
        assertTrue(ACCEPTED[0] > 5_000, () -> "accepted " + ACCEPTED[0]);
        assertTrue(EXACT_FITS[0] > 0, () -> "no command ever filled a limit exactly");
    }

    private static void simulate(Setup setup, List<Op> ops) {
        SpendingLimits limits = setup.limits();
        Map<String, Long> counters = new HashMap<>(); // "<user>|<key>" -> amount
        List<Done> accepted = new ArrayList<>();
        Instant clock = setup.base();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            // monotone: the clock moves forward 0 s to 2 days; otherwise anywhere within ±40 days of the base
            Instant at = setup.monotone() ? clock.plusSeconds(op.seconds())
                    : setup.base().plusSeconds((op.seconds() * 40 % (80L * 86_400)) - 40L * 86_400);
            clock = setup.monotone() ? at : clock;
            String ctx = String.format(Locale.ROOT, "op %d %s at %s with %s", i, op, at, limits);
            UserId user = USERS[op.user()];
            Currency unit = UNITS[op.unit()];
            List<LimitCheck> checks = unit == null ? SpendingWindows.gift(limits, at)
                    : SpendingWindows.purchase(limits, unit, at);

            // the facade's transaction: read counters, check, add on accept
            long[] spent = new long[checks.size()];
            for (int k = 0; k < spent.length; k++) {
                spent[k] = counters.getOrDefault(user + "|" + checks.get(k).key(), 0L);
            }
            Map<String, Long> before = new HashMap<>(counters);
            EconomyException rejection = null;
            try {
                SpendingWindows.check(user, checks, spent, op.amount());
                for (LimitCheck c : checks) {
                    counters.merge(user + "|" + c.key(), op.amount(), Long::sum);
                }
            } catch (EconomyException e) {
                rejection = e;
            }

            // brute force: the decision is "every limit holds after it"
            LimitCheck worst = null;
            long worstRemaining = Long.MAX_VALUE;
            long worstSpent = 0;
            for (CalendarPeriod p : CalendarPeriod.values()) {
                Optional<Long> max = maximum(limits, unit, p);
                if (max.isEmpty()) {
                    continue;
                }
                long sum = bruteSpent(accepted, limits, user, op.unit(), p, at);
                long remaining = Math.max(0, max.get() - sum);
                if (op.amount() > remaining && remaining < worstRemaining) {
                    worstRemaining = remaining;
                    worstSpent = sum;
                    worst = checks.stream().filter(c -> c.kind().period() == p).findFirst().orElseThrow();
                }
            }
            if (worst == null) {
                assertEquals(null, rejection, ctx + ": every limit holds, yet rejected");
                accepted.add(new Done(op, at));
                ACCEPTED[0]++;
                if (SpendingWindows.allowed(checks, spent) == op.amount()) {
                    EXACT_FITS[0]++;
                }
            } else {
                if (rejection == null) {
                    fail(ctx + ": accepted although " + worst.kind() + " would be exceeded");
                }
                assertEquals(RejectionCode.LIMIT_EXCEEDED, rejection.code(), ctx);
                REJECTED_BY.merge(worst.kind(), 1, Integer::sum);
                assertEquals(worst.kind(), rejection.value("limit"), ctx);
                assertEquals(worst.period(), rejection.value("period"), ctx);
                assertEquals(amount(unit, worstRemaining), rejection.value("remaining"), ctx);
                assertEquals(amount(unit, worstSpent), rejection.value("spent"), ctx);
                assertEquals(amount(unit, op.amount()), rejection.value("requested"), ctx);
                assertEquals(before, counters, ctx + ": a rejected command changed a counter");
            }
        }

        // no calendar period ever exceeds a limit (recomputed from the accepted list)
        for (Done d : accepted) {
            Currency unit = UNITS[d.op().unit()];
            for (CalendarPeriod p : CalendarPeriod.values()) {
                Optional<Long> max = maximum(limits, unit, p);
                if (max.isPresent()) {
                    long sum = bruteSpent(accepted, limits, USERS[d.op().user()], d.op().unit(), p, d.at());
                    assertTrue(sum <= max.get(), () -> String.format(Locale.ROOT, "%s of %s per %s: %d > %d",
                            USERS[d.op().user()], unit == null ? "gift coins" : unit, p, sum, max.get()));
                }
            }
        }

        // counters = sums of accepted commands per key; keys name exactly the calendar periods
        Map<String, Long> expected = new HashMap<>();
        for (Done d : accepted) {
            Currency unit = UNITS[d.op().unit()];
            List<LimitCheck> checks = unit == null ? SpendingWindows.gift(limits, d.at())
                    : SpendingWindows.purchase(limits, unit, d.at());
            for (LimitCheck c : checks) {
                expected.merge(USERS[d.op().user()] + "|" + c.key(), d.op().amount(), Long::sum);
            }
        }
        assertEquals(expected, counters);
        for (CalendarPeriod p : CalendarPeriod.values()) {
            // label <-> calendar period is a bijection over the instants seen
            Map<String, LocalDate> byLabel = new HashMap<>();
            Map<LocalDate, String> byPeriod = new HashMap<>();
            for (Done d : accepted) {
                String label = SpendingWindows.periodLabel(limits, p, d.at());
                LocalDate period = period(limits, p, d.at());
                assertEquals(period, byLabel.computeIfAbsent(label, k -> period), () -> p + " label " + label);
                assertEquals(label, byPeriod.computeIfAbsent(period, k -> label), () -> p + " period " + period);
            }
        }
    }

    private static Optional<Long> maximum(SpendingLimits limits, Currency unit, CalendarPeriod p) {
        return unit == null ? limits.giftLimit(p).map(Coins::amount)
                : limits.purchaseLimit(p, unit).map(Money::toMinorUnits);
    }

    private static Object amount(Currency unit, long units) {
        return unit == null ? Coins.of(units) : Money.ofMinor(unit, units);
    }

    /** Sum of the user's accepted commands in this unit in the calendar period of {@code at}. */
    private static long bruteSpent(List<Done> accepted, SpendingLimits limits, UserId user, int unit,
                                   CalendarPeriod p, Instant at) {
        LocalDate target = period(limits, p, at);
        long sum = 0;
        for (Done d : accepted) {
            if (USERS[d.op().user()].equals(user) && d.op().unit() == unit && period(limits, p, d.at()).equals(target)) {
                sum += d.op().amount();
            }
        }
        return sum;
    }

    /** The first day of the calendar period containing {@code at}, computed without the code under test. */
    private static LocalDate period(SpendingLimits limits, CalendarPeriod p, Instant at) {
        LocalDate date = at.atZone(limits.zone()).toLocalDate();
        switch (p) {
            case DAY:
                return date;
            case WEEK:
                int back = (date.getDayOfWeek().getValue() - limits.weekStart().getValue() + 7) % 7;
                return date.minusDays(back);
            default:
                return date.withDayOfMonth(1);
        }
    }
}
