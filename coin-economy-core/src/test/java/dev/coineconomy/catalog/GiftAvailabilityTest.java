package dev.coineconomy.catalog;

import dev.coineconomy.Region;
import dev.coineconomy.money.Coins;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GiftAvailabilityTest {

    private static final Region US = Region.of("US");
    private static final Region GB = Region.of("GB");
    private static final Region FR = Region.of("FR");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void alwaysIsEverywhereAtAnyTimeInEveryContext() {
        GiftAvailability a = GiftAvailability.ALWAYS;
        assertEquals(Set.of(), a.regions());
        assertNull(a.availableFrom());
        assertNull(a.availableUntil());
        assertEquals(EnumSet.allOf(GiftContext.class), a.contexts());
        for (GiftContext c : GiftContext.values()) {
            assertEquals(Optional.empty(), a.check(FR, Instant.MIN, c));
            assertEquals(Optional.empty(), a.check(US, Instant.MAX, c));
        }
        assertEquals("at any time", a.describeWindow());
    }

    @Test
    void regionsLimitTheSendersRegion() {
        GiftAvailability a = GiftAvailability.onlyIn(US, GB);
        assertEquals(Optional.empty(), a.check(US, FROM, GiftContext.LIVE));
        assertEquals(Optional.empty(), a.check(GB, FROM, GiftContext.VIDEO));
        assertEquals(Optional.of(UnavailableReason.REGION), a.check(FR, FROM, GiftContext.LIVE));
        assertFalse(a.isAvailable(FR, FROM, GiftContext.LIVE));
        // iterates in code order, whatever the order given
        assertEquals(List.of(GB, US), new ArrayList<>(a.regions()));
        assertEquals(GiftAvailability.ALWAYS, a.everywhere());
        assertEquals(a, GiftAvailability.ALWAYS.withRegions(List.of(GB, US, GB)));
    }

    @Test
    void windowIsHalfOpen() {
        GiftAvailability a = GiftAvailability.between(FROM, UNTIL);
        assertEquals(Optional.of(UnavailableReason.WINDOW), a.check(US, FROM.minusNanos(1), GiftContext.LIVE));
        assertEquals(Optional.empty(), a.check(US, FROM, GiftContext.LIVE), "accepted at availableFrom");
        assertEquals(Optional.empty(), a.check(US, UNTIL.minusNanos(1), GiftContext.LIVE));
        assertEquals(Optional.of(UnavailableReason.WINDOW), a.check(US, UNTIL, GiftContext.LIVE),
                "rejected at availableUntil");
        assertEquals("from 2026-12-01T00:00:00Z until 2027-01-01T00:00:00Z", a.describeWindow());
    }

    @Test
    void openEndedWindows() {
        GiftAvailability fromOnly = GiftAvailability.between(FROM, null);
        assertFalse(fromOnly.offeredAt(FROM.minusSeconds(1)));
        assertTrue(fromOnly.offeredAt(FROM));
        assertTrue(fromOnly.offeredAt(Instant.MAX));
        assertEquals("from 2026-12-01T00:00:00Z", fromOnly.describeWindow());
        GiftAvailability untilOnly = GiftAvailability.between(null, UNTIL);
        assertTrue(untilOnly.offeredAt(Instant.MIN));
        assertFalse(untilOnly.offeredAt(UNTIL));
        assertEquals("until 2027-01-01T00:00:00Z", untilOnly.describeWindow());
    }

    @Test
    void contextsLimitWhereTheGiftIsSent() {
        GiftAvailability live = GiftAvailability.ALWAYS.withContexts(GiftContext.LIVE);
        assertEquals(Optional.empty(), live.check(US, FROM, GiftContext.LIVE));
        assertEquals(Optional.of(UnavailableReason.CONTEXT), live.check(US, FROM, GiftContext.VIDEO));
        assertEquals(live, GiftAvailability.ALWAYS.withContexts(List.of(GiftContext.LIVE, GiftContext.LIVE)));
        assertEquals(GiftAvailability.ALWAYS, live.withContexts(GiftContext.VIDEO, GiftContext.LIVE));
    }

    @Test
    void reasonsAreCheckedRegionThenWindowThenContext() {
        GiftAvailability a = GiftAvailability.onlyIn(US).withWindow(FROM, UNTIL).withContexts(GiftContext.VIDEO);
        Instant late = UNTIL.plusSeconds(1);
        assertEquals(Optional.of(UnavailableReason.REGION), a.check(FR, late, GiftContext.LIVE));
        assertEquals(Optional.of(UnavailableReason.WINDOW), a.check(US, late, GiftContext.LIVE));
        assertEquals(Optional.of(UnavailableReason.CONTEXT), a.check(US, FROM, GiftContext.LIVE));
        assertEquals(Optional.empty(), a.check(US, FROM, GiftContext.VIDEO));
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GiftAvailability.between(UNTIL, FROM));
        assertEquals("availableFrom 2027-01-01T00:00:00Z must be before availableUntil 2026-12-01T00:00:00Z",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GiftAvailability.between(FROM, FROM));
        assertEquals("availableFrom 2026-12-01T00:00:00Z must be before availableUntil 2026-12-01T00:00:00Z",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GiftAvailability.ALWAYS.withContexts(List.of()));
        assertEquals("contexts must name at least one of LIVE, VIDEO; got none", e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class,
                () -> new GiftAvailability(null, null, null, Set.of(GiftContext.LIVE)));
        assertEquals("regions", n.getMessage());
        n = assertThrows(NullPointerException.class,
                () -> new GiftAvailability(Set.of(), null, null, null));
        assertEquals("contexts", n.getMessage());
        n = assertThrows(NullPointerException.class,
                () -> GiftAvailability.ALWAYS.withRegions(Arrays.asList(US, null)));
        assertEquals("region in regions", n.getMessage());
        n = assertThrows(NullPointerException.class,
                () -> GiftAvailability.ALWAYS.withContexts(GiftContext.LIVE, (GiftContext) null));
        assertEquals("context in contexts", n.getMessage());
        n = assertThrows(NullPointerException.class, () -> GiftAvailability.ALWAYS.check(null, FROM, GiftContext.LIVE));
        assertEquals("senderRegion", n.getMessage());
        n = assertThrows(NullPointerException.class, () -> GiftAvailability.ALWAYS.check(US, null, GiftContext.LIVE));
        assertEquals("at", n.getMessage());
        n = assertThrows(NullPointerException.class, () -> GiftAvailability.ALWAYS.check(US, FROM, null));
        assertEquals("context", n.getMessage());
    }

    @Test
    void setsAreImmutableCopies() {
        Set<Region> regions = new HashSet<>(Set.of(US));
        Set<GiftContext> contexts = EnumSet.of(GiftContext.LIVE);
        GiftAvailability a = new GiftAvailability(regions, null, null, contexts);
        regions.add(FR);
        contexts.add(GiftContext.VIDEO);
        assertEquals(Set.of(US), a.regions());
        assertEquals(Set.of(GiftContext.LIVE), a.contexts());
        assertThrows(UnsupportedOperationException.class, () -> a.regions().add(GB));
        assertThrows(UnsupportedOperationException.class, () -> a.contexts().add(GiftContext.VIDEO));
    }

    @Test
    void giftCarriesItsAvailability() {
        Gift rose = Gift.of("rose", "Rose", 1);
        assertEquals(GiftAvailability.ALWAYS, rose.availability());
        assertEquals(rose, new Gift("rose", "Rose", Coins.of(1)));
        GiftAvailability usOnly = GiftAvailability.onlyIn(US);
        Gift limited = rose.withAvailability(usOnly);
        assertEquals(usOnly, limited.availability());
        assertEquals(limited, Gift.of("rose", "Rose", 1, usOnly));
        assertFalse(limited.equals(rose));
        NullPointerException n = assertThrows(NullPointerException.class, () -> rose.withAvailability(null));
        assertEquals("availability", n.getMessage());
        Catalog catalog = Catalog.builder().gift(limited).build();
        assertEquals(usOnly, catalog.gift("rose").orElseThrow().availability());
    }
}
