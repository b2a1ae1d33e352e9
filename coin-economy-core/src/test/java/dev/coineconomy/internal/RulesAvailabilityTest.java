package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.GiftAvailability;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.catalog.UnavailableReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RulesAvailabilityTest {

    private static final Region US = Region.of("US");
    private static final Region GB = Region.of("GB");
    private static final Region FR = Region.of("FR");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    private static final Gift SNOWMAN = Gift.of("snowman", "Snowman", 50,
            GiftAvailability.onlyIn(US, GB).withWindow(FROM, UNTIL).withContexts(GiftContext.LIVE));

    @Test
    void offeredGiftPasses() {
        assertDoesNotThrow(() -> Rules.checkAvailable(SNOWMAN, US, FROM, GiftContext.LIVE));
        assertDoesNotThrow(() -> Rules.checkAvailable(SNOWMAN, GB, UNTIL.minusNanos(1), GiftContext.LIVE));
        assertDoesNotThrow(() -> Rules.checkAvailable(Gift.of("rose", "Rose", 1), FR, Instant.MIN, GiftContext.VIDEO));
    }

    @Test
    void region() {
        EconomyException e = assertThrows(EconomyException.class,
                () -> Rules.checkAvailable(SNOWMAN, FR, FROM, GiftContext.LIVE));
        assertEquals(RejectionCode.GIFT_NOT_AVAILABLE, e.code());
        assertEquals("GIFT_NOT_AVAILABLE: gift 'snowman' is not offered in region FR (offered in GB, US)", e.getMessage());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("giftId", "snowman");
        expected.put("reason", UnavailableReason.REGION);
        expected.put("region", FR);
        expected.put("allowedRegions", Set.of(US, GB));
        assertEquals(expected, e.values());
    }

    @Test
    void windowEndIsExclusive() {
        EconomyException e = assertThrows(EconomyException.class,
                () -> Rules.checkAvailable(SNOWMAN, US, UNTIL, GiftContext.LIVE));
        assertEquals("GIFT_NOT_AVAILABLE: gift 'snowman' is offered from 2026-12-01T00:00:00Z until "
                + "2027-01-01T00:00:00Z, not at 2027-01-01T00:00:00Z", e.getMessage());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("giftId", "snowman");
        expected.put("reason", UnavailableReason.WINDOW);
        expected.put("at", UNTIL);
        expected.put("availableFrom", FROM);
        expected.put("availableUntil", UNTIL);
        assertEquals(expected, e.values());
    }

    @Test
    void windowStartIsInclusive() {
        Instant before = FROM.minusMillis(1);
        EconomyException e = assertThrows(EconomyException.class,
                () -> Rules.checkAvailable(SNOWMAN, US, before, GiftContext.LIVE));
        assertEquals(UnavailableReason.WINDOW, e.value("reason"));
        assertEquals(before, e.value("at"));
        Gift noEnd = SNOWMAN.withAvailability(GiftAvailability.between(FROM, null));
        e = assertThrows(EconomyException.class, () -> Rules.checkAvailable(noEnd, US, before, GiftContext.VIDEO));
        assertEquals("GIFT_NOT_AVAILABLE: gift 'snowman' is offered from 2026-12-01T00:00:00Z, not at "
                + "2026-11-30T23:59:59.999Z", e.getMessage());
        assertEquals(null, e.value("availableUntil"));
        assertEquals(true, e.values().containsKey("availableUntil"));
    }

    @Test
    void context() {
        EconomyException e = assertThrows(EconomyException.class,
                () -> Rules.checkAvailable(SNOWMAN, GB, FROM, GiftContext.VIDEO));
        assertEquals("GIFT_NOT_AVAILABLE: gift 'snowman' is not offered on VIDEO (offered on LIVE)", e.getMessage());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("giftId", "snowman");
        expected.put("reason", UnavailableReason.CONTEXT);
        expected.put("context", GiftContext.VIDEO);
        expected.put("allowedContexts", Set.of(GiftContext.LIVE));
        assertEquals(expected, e.values());
    }
}
