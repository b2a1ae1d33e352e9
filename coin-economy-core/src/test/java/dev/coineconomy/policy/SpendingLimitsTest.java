package dev.coineconomy.policy;

import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SpendingLimits}: the reference (none), the YouTube-like preset, withers, currencies, validation; {@link LimitKind}. */
class SpendingLimitsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void noneLimitsNothing() {
        SpendingLimits none = SpendingLimits.NONE;
        assertFalse(none.limitsPurchases());
        assertFalse(none.limitsGifts());
        for (CalendarPeriod p : CalendarPeriod.values()) {
            assertEquals(Optional.empty(), none.purchaseLimit(p, USD));
            assertEquals(Optional.empty(), none.giftLimit(p));
        }
        assertEquals(ZoneOffset.UTC, none.zone());
        assertEquals(DayOfWeek.MONDAY, none.weekStart());
        assertEquals("SpendingLimits[zone Z, weeks from MONDAY]", none.toString());
    }

    @Test
    void youtubeLikeIs500ADayAnd2000AWeekInUsd() {
        SpendingLimits yt = SpendingLimits.youtubeLike();
        assertEquals(Optional.of(Money.of("USD", "500.00")), yt.purchaseLimit(CalendarPeriod.DAY, USD));
        assertEquals(Optional.of(Money.of("USD", "2000.00")), yt.purchaseLimit(CalendarPeriod.WEEK, USD));
        assertEquals(Optional.empty(), yt.purchaseLimit(CalendarPeriod.MONTH, USD));
        assertEquals(Optional.empty(), yt.purchaseLimit(CalendarPeriod.DAY, EUR), "EUR purchases are not limited");
        assertTrue(yt.limitsPurchases());
        assertFalse(yt.limitsGifts());
        assertEquals("SpendingLimits[purchase USD 500.00 per DAY, purchase USD 2000.00 per WEEK, zone Z, weeks from MONDAY]",
                yt.toString());
    }

    @Test
    void purchaseLimitsAreKeptPerCurrency() {
        SpendingLimits l = SpendingLimits.NONE
                .withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "100.00"))
                .withPurchaseLimit(CalendarPeriod.DAY, Money.of("EUR", "90.00"))
                .withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "150.00"));
        assertEquals(Optional.of(Money.of("USD", "150.00")), l.purchaseLimit(CalendarPeriod.DAY, USD), "replaced");
        assertEquals(Optional.of(Money.of("EUR", "90.00")), l.purchaseLimit(CalendarPeriod.DAY, EUR), "kept");
        SpendingLimits noUsd = l.withoutPurchaseLimit(CalendarPeriod.DAY, USD);
        assertEquals(Optional.empty(), noUsd.purchaseLimit(CalendarPeriod.DAY, USD));
        assertEquals(Optional.of(Money.of("EUR", "90.00")), noUsd.purchaseLimit(CalendarPeriod.DAY, EUR));
        assertEquals(SpendingLimits.NONE, noUsd.withoutPurchaseLimit(CalendarPeriod.DAY, EUR));
        assertEquals(SpendingLimits.NONE.hashCode(), noUsd.withoutPurchaseLimit(CalendarPeriod.DAY, EUR).hashCode());
        assertEquals(SpendingLimits.NONE, SpendingLimits.NONE.withoutPurchaseLimit(CalendarPeriod.MONTH, USD));
        assertEquals(Optional.of(Money.of("USD", "0.00")), SpendingLimits.NONE
                .withPurchaseLimit(CalendarPeriod.MONTH, Money.of("USD", "0")).purchaseLimit(CalendarPeriod.MONTH, USD),
                "a zero limit blocks purchases in that currency");
    }

    @Test
    void giftLimitsZoneAndWeekStart() {
        SpendingLimits l = SpendingLimits.NONE.withGiftLimit(CalendarPeriod.WEEK, Coins.of(10_000))
                .withZone(ZoneId.of("Asia/Seoul")).withWeekStart(DayOfWeek.SUNDAY);
        assertTrue(l.limitsGifts());
        assertFalse(l.limitsPurchases());
        assertEquals(Optional.of(Coins.of(10_000)), l.giftLimit(CalendarPeriod.WEEK));
        assertEquals(Optional.empty(), l.giftLimit(CalendarPeriod.DAY));
        assertEquals(ZoneId.of("Asia/Seoul"), l.zone());
        assertEquals(DayOfWeek.SUNDAY, l.weekStart());
        assertEquals("SpendingLimits[gifts 10000 coins per WEEK, zone Asia/Seoul, weeks from SUNDAY]",
                l.toString());
        assertNotEquals(l, l.withWeekStart(DayOfWeek.MONDAY));
        assertNotEquals(l, l.withZone(ZoneOffset.UTC));
        assertEquals(l, SpendingLimits.NONE.withZone(ZoneId.of("Asia/Seoul")).withWeekStart(DayOfWeek.SUNDAY)
                .withGiftLimit(CalendarPeriod.WEEK, Coins.of(10_000)));
        assertFalse(l.withoutGiftLimit(CalendarPeriod.WEEK).limitsGifts());
        assertNotEquals(l, "not limits");
    }

    @Test
    void invalidLimitsAreProgrammingErrors() {
        assertEquals("purchase limit must not be negative: USD -0.01", assertThrows(IllegalArgumentException.class,
                () -> SpendingLimits.NONE.withPurchaseLimit(CalendarPeriod.DAY, Money.of("USD", "-0.01"))).getMessage());
        assertThrows(ArithmeticException.class, () -> SpendingLimits.NONE.withPurchaseLimit(CalendarPeriod.DAY,
                Money.of("USD", "1000000000000000000000")), "must fit a counter of minor units");
        assertEquals("period", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.withGiftLimit(null, Coins.of(1))).getMessage());
        assertEquals("maximum", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.withGiftLimit(CalendarPeriod.DAY, null)).getMessage());
        assertEquals("maximum", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.withPurchaseLimit(CalendarPeriod.DAY, null)).getMessage());
        assertEquals("zone", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.withZone(null)).getMessage());
        assertEquals("weekStart", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.withWeekStart(null)).getMessage());
        assertEquals("currency", assertThrows(NullPointerException.class,
                () -> SpendingLimits.NONE.purchaseLimit(CalendarPeriod.DAY, null)).getMessage());
    }

    @Test
    void limitKindsNameWhatAndWhen() {
        for (CalendarPeriod p : CalendarPeriod.values()) {
            LimitKind purchase = LimitKind.purchase(p);
            LimitKind gift = LimitKind.gift(p);
            assertTrue(purchase.isPurchase());
            assertFalse(gift.isPurchase());
            assertEquals(p, purchase.period());
            assertEquals(p, gift.period());
            assertEquals("PURCHASE_MONEY_PER_" + p, purchase.name());
            assertEquals("GIFT_COINS_PER_" + p, gift.name());
        }
        assertEquals(6, LimitKind.values().length);
    }
}
