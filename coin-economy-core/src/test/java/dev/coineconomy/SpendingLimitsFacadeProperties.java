package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.CalendarPeriod;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.LimitKind;
import dev.coineconomy.policy.SpendingLimits;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
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
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Property "no sequence of commands, at any clock, ever exceeds a spending limit": random purchases (USD,
 * plus EUR ones a USD limit does not count), gifts, retries of accepted ids and same-id-different-command
 * conflicts, at a clock that moves forward and back across days, weeks and months in a non-UTC zone with
 * various week starts, under random limits (the YouTube-like preset and custom ones). Checked against a
 * brute force over {@code economy.journal(...)}: every calendar period's accepted spending per user stays
 * within each limit; a command is refused exactly when the brute force says it would break a limit, and the
 * {@code LIMIT_EXCEEDED} values (limit, period, maximum, spent, requested, remaining) are the brute force's;
 * a retry is answered with its original receipt even when the limit is now exhausted and never counts again.
 */
class SpendingLimitsFacadeProperties {

    private static final Region US = Region.of("US");
    private static final Region FR = Region.of("FR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Berlin"));
    private static final List<DayOfWeek> WEEK_STARTS = List.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY,
            DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY);
    private static final List<UserId> USERS = List.of(UserId.of("v0"), UserId.of("v1"), UserId.of("v2"),
            UserId.of("c0"), UserId.of("c1"));
    private static final List<String> PACKS = List.of("usd-1", "usd-5", "usd-20", "usd-100", "usd-200", "eur-5");
    private static final List<String> GIFTS = List.of("g1", "g5", "g30", "g100");

    private static final Catalog CATALOG = Catalog.builder().version("limits-v1")
            .pack(pack("usd-1", 50, US, "USD", "0.99"))
            .pack(pack("usd-5", 250, US, "USD", "4.99"))
            .pack(pack("usd-20", 1_000, US, "USD", "19.99"))
            .pack(pack("usd-100", 6_000, US, "USD", "99.99"))
            .pack(pack("usd-200", 12_000, US, "USD", "199.99"))
            .pack(pack("eur-5", 250, FR, "EUR", "4.99"))
            .gift("g1", "One", 1).gift("g5", "Five", 5).gift("g30", "Thirty", 30).gift("g100", "Hundred", 100)
            .build();

    private static CoinPack pack(String id, long coins, Region region, String currency, String price) {
        return CoinPack.builder(id, coins).price(region, Channel.APP, Money.of(currency, price)).build();
    }

    /** kind 0-3 purchase, 4-7 gift, 8 retry, 9 conflict, 10-11 clock. */
    record Op(int kind, int a, int b, int c) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "op(%d,%d,%d,%d)", kind, a, b, c);
        }
    }

    static Gen<Op> ops() {
        return integers().between(0, 11).zip(integers().between(0, 999), integers().between(0, 999),
                integers().between(0, 999), Op::new);
    }

    /** Limits from 10 random numbers: the YouTube-like preset or custom ones, each limit sometimes absent. */
    static SpendingLimits limits(List<Integer> r) {
        SpendingLimits l = r.get(0) % 4 == 0 ? SpendingLimits.youtubeLike() : SpendingLimits.NONE;
        if (r.get(0) % 4 != 0) {
            int[] purchaseMinor = {r.get(1) % 3_000 + 100, r.get(2) % 8_000 + 500, r.get(3) % 30_000 + 1_000};
            int[] giftCoins = {r.get(4) % 300 + 1, r.get(5) % 900 + 10, r.get(6) % 3_000 + 50};
            int mask = r.get(7);
            for (CalendarPeriod p : CalendarPeriod.values()) {
                if ((mask >> p.ordinal() & 1) == 0) {
                    l = l.withPurchaseLimit(p, Money.ofMinor("USD", purchaseMinor[p.ordinal()]));
                }
                if ((mask >> (3 + p.ordinal()) & 1) == 0) {
                    l = l.withGiftLimit(p, Coins.of(giftCoins[p.ordinal()]));
                }
            }
        }
        return l.withZone(ZONES.get(r.get(8) % ZONES.size())).withWeekStart(WEEK_STARTS.get(r.get(9) % WEEK_STARTS.size()));
    }

    @Test
    void noSequenceOfCommandsEverExceedsALimit() {
        PropertySupport.props(150)
                .forAll(lists().of(integers().between(0, 99_999)).ofSize(10), lists().of(ops()).ofSizeBetween(1, 90))
                .checkAssert((r, ops) -> run(limits(r), ops));
        assertTrue(limitRejections > 200, "LIMIT_EXCEEDED seen: " + limitRejections);
        assertTrue(retriesAfterExhaustion > 10, "retries answered while the limit was exhausted: "
                + retriesAfterExhaustion);
    }

    private int limitRejections;
    private int retriesAfterExhaustion;

    private void run(SpendingLimits limits, List<Op> ops) {
        MutableClock clock = new MutableClock("2026-12-28T21:30:00Z"); // near a week, month and year boundary
        CoinEconomy e = CoinEconomy.builder().catalog(CATALOG).clock(clock)
                .policy(EconomyPolicy.reference().withSpendingLimits(limits)).build();
        List<RequestId> accepted = new ArrayList<>();
        int ids = 0;
        for (Op op : ops) {
            String ctx = op + " at " + clock.instant() + " under " + limits;
            switch (op.kind()) {
                case 0, 1, 2, 3 -> {
                    UserId user = USERS.get(op.a() % USERS.size());
                    String packId = PACKS.get(op.b() % PACKS.size());
                    CoinPack pack = CATALOG.pack(packId).orElseThrow();
                    Region region = packId.startsWith("eur") ? FR : US;
                    Money price = pack.price(region, Channel.APP).orElseThrow();
                    RequestId id = RequestId.of("p-" + ids++);
                    Optional<Violation> v = price.currency().equals(USD)
                            ? violation(e, limits, user, true, price.toMinorUnits(), clock.instant())
                            : Optional.empty();
                    command(e, accepted, id, v, ctx, false, () -> e.purchase(id, user, packId, region));
                }
                case 4, 5, 6, 7 -> {
                    UserId sender = USERS.get(op.a() % 3);
                    UserId creator = USERS.get((op.a() + 1 + op.b() % 4) % USERS.size());
                    String giftId = GIFTS.get(op.c() % GIFTS.size());
                    long quantity = 1 + op.b() % 5;
                    long coins = CATALOG.gift(giftId).orElseThrow().price().amount() * quantity;
                    RequestId id = RequestId.of("g-" + ids++);
                    Optional<Violation> v = violation(e, limits, sender, false, coins, clock.instant());
                    command(e, accepted, id, v, ctx, true, () -> e.sendGift(id, sender, creator, giftId, quantity));
                }
                case 8 -> {
                    if (!accepted.isEmpty()) {
                        retry(e, limits, accepted.get(op.a() % accepted.size()), clock.instant(), ctx);
                    }
                }
                case 9 -> {
                    if (!accepted.isEmpty()) {
                        RequestId id = accepted.get(op.a() % accepted.size());
                        Receipt stored = e.entry(id).orElseThrow().receipt();
                        UserId someone = USERS.get(op.b() % 3);
                        long size = e.journalSize();
                        EconomyException x = assertThrowsEconomy(() -> {
                            if (stored instanceof PurchaseReceipt) {
                                e.sendGift(id, someone, USERS.get(4), "g1", 1);
                            } else {
                                e.purchase(id, someone, "usd-1", US);
                            }
                        });
                        assertEquals(RejectionCode.REQUEST_CONFLICT, x.code(), ctx);
                        assertEquals(size, e.journalSize(), ctx);
                    }
                }
                default -> {
                    long minutes = switch (op.c() % 6) {
                        case 0 -> op.a() % 90;                     // minutes
                        case 1 -> op.a() % 48 * 60L;               // hours, across days
                        case 2 -> (op.a() % 10) * 1_440L + op.b(); // days, across weeks
                        case 3 -> (op.a() % 45) * 1_440L;          // weeks, across months
                        case 4 -> -((op.a() % 40) * 1_440L + op.b()); // back, across days/weeks/months
                        default -> -(op.a() % 600);                // a little back
                    };
                    clock.set(clock.instant().plus(Duration.ofMinutes(minutes)));
                }
            }
        }
        assertNoPeriodExceedsALimit(e, limits);
    }

    private static EconomyException assertThrowsEconomy(Runnable r) {
        try {
            r.run();
        } catch (EconomyException x) {
            return x;
        }
        return fail("expected a rejection");
    }

    private void command(CoinEconomy e, List<RequestId> accepted, RequestId id, Optional<Violation> expected,
                         String ctx, boolean gift, Runnable command) {
        long size = e.journalSize();
        try {
            command.run();
            assertTrue(expected.isEmpty(), () -> ctx + ": accepted although " + expected.get());
            accepted.add(id);
            assertEquals(size + 1, e.journalSize(), ctx);
        } catch (EconomyException x) {
            assertEquals(size, e.journalSize(), ctx);
            assertTrue(e.entry(id).isEmpty(), ctx);
            if (x.code() == RejectionCode.LIMIT_EXCEEDED) {
                limitRejections++;
                Violation v = expected.orElseThrow(() -> new AssertionError(ctx + ": unexpected " + x.getMessage()));
                assertEquals(v.kind(), x.value("limit"), ctx + " " + x.getMessage());
                assertEquals(v.period(), x.value("period"), ctx);
                assertEquals(v.amount(v.maximum()), x.value("maximum"), ctx);
                assertEquals(v.amount(v.spent()), x.value("spent"), ctx);
                assertEquals(v.amount(v.requested()), x.value("requested"), ctx);
                assertEquals(v.amount(Math.max(0, v.maximum() - v.spent())), x.value("remaining"), ctx);
            } else if (gift) {
                // without a limit in the way a gift may still lack coins or go to its own sender
                assertTrue(x.code() == RejectionCode.INSUFFICIENT_COINS || x.code() == RejectionCode.SELF_GIFT,
                        ctx + ": " + x.getMessage());
            } else {
                fail(ctx + ": purchase rejected: " + x.getMessage());
            }
        }
    }

    /** A retry answers the stored receipt, appends nothing, and changes no limit (even when exhausted). */
    private void retry(CoinEconomy e, SpendingLimits limits, RequestId id, Instant now, String ctx) {
        JournalEntry stored = e.entry(id).orElseThrow();
        long size = e.journalSize();
        Receipt again;
        boolean exhausted;
        if (stored.receipt() instanceof PurchaseReceipt p) {
            exhausted = p.price().currency().equals(USD)
                    && violation(e, limits, p.user(), true, p.price().toMinorUnits(), now).isPresent();
            again = e.purchase(p.requestId(), p.user(), p.packId(), p.region(), p.channel());
        } else {
            GiftReceipt g = (GiftReceipt) stored.receipt();
            exhausted = violation(e, limits, g.sender(), false, g.coinsSpent().amount(), now).isPresent();
            again = e.sendGift(g.requestId(), g.sender(), g.creator(), g.giftId(), g.quantity());
        }
        if (exhausted) {
            retriesAfterExhaustion++;
        }
        assertEquals(stored.receipt(), again, ctx);
        assertEquals(size, e.journalSize(), ctx);
    }

    // ---- brute force -------------------------------------------------------------------------------

    /** A limit that a command would break, as the brute force sees it. */
    record Violation(LimitKind kind, String period, long maximum, long spent, long requested) {
        Object amount(long units) {
            return kind.isPurchase() ? Money.ofMinor(USD, units) : Coins.of(units);
        }
    }

    /** The period label of the documented format: ISO date, ISO week (Monday) or first day/P1W, year-month. */
    static String label(SpendingLimits limits, CalendarPeriod period, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, limits.zone());
        return switch (period) {
            case DAY -> date.toString();
            case WEEK -> limits.weekStart() == DayOfWeek.MONDAY
                    ? String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                    : date.with(TemporalAdjusters.previousOrSame(limits.weekStart())) + "/P1W";
            case MONTH -> YearMonth.from(date).toString();
        };
    }

    /** What a user spent, per limit kind and period label, over the committed journal. */
    private static Map<String, Long> spentByPeriod(CoinEconomy e, SpendingLimits limits, UserId user) {
        Map<String, Long> spent = new HashMap<>();
        for (JournalEntry entry : e.statement(user)) {
            for (CalendarPeriod p : CalendarPeriod.values()) {
                String label = label(limits, p, entry.instant());
                if (entry.receipt() instanceof PurchaseReceipt r && r.user().equals(user)
                        && r.price().currency().equals(USD)) {
                    spent.merge(LimitKind.purchase(p) + "@" + label, r.price().toMinorUnits(), Long::sum);
                } else if (entry.receipt() instanceof GiftReceipt g && g.sender().equals(user)) {
                    spent.merge(LimitKind.gift(p) + "@" + label, g.coinsSpent().amount(), Long::sum);
                }
            }
        }
        return spent;
    }

    /**
     * The limit a command of {@code requested} would break now: among the broken ones, the one with the
     * least remaining (day before week before month on a tie), as documented.
     */
    private static Optional<Violation> violation(CoinEconomy e, SpendingLimits limits, UserId user, boolean purchase,
                                                 long requested, Instant now) {
        Map<String, Long> spent = spentByPeriod(e, limits, user);
        Violation worst = null;
        for (CalendarPeriod p : CalendarPeriod.values()) {
            Optional<Long> max = purchase ? limits.purchaseLimit(p, USD).map(Money::toMinorUnits)
                    : limits.giftLimit(p).map(Coins::amount);
            if (max.isEmpty()) {
                continue;
            }
            LimitKind kind = purchase ? LimitKind.purchase(p) : LimitKind.gift(p);
            String label = label(limits, p, now);
            long s = spent.getOrDefault(kind + "@" + label, 0L);
            long remaining = Math.max(0, max.get() - s);
            if (requested > remaining && (worst == null || remaining < Math.max(0, worst.maximum() - worst.spent()))) {
                worst = new Violation(kind, label, max.get(), s, requested);
            }
        }
        return Optional.ofNullable(worst);
    }

    private static void assertNoPeriodExceedsALimit(CoinEconomy e, SpendingLimits limits) {
        for (UserId u : USERS) {
            for (Map.Entry<String, Long> s : spentByPeriod(e, limits, u).entrySet()) {
                LimitKind kind = LimitKind.valueOf(s.getKey().substring(0, s.getKey().indexOf('@')));
                Optional<Long> max = kind.isPurchase() ? limits.purchaseLimit(kind.period(), USD).map(Money::toMinorUnits)
                        : limits.giftLimit(kind.period()).map(Coins::amount);
                if (max.isPresent()) {
                    assertTrue(s.getValue() <= max.get(),
                            () -> u + " spent " + s.getValue() + " in " + s.getKey() + ", limit " + max.get());
                }
            }
        }
    }
}
