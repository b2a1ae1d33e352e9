package dev.coineconomy.catalog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogScheduleTest {

    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");

    private static Catalog catalog(String version, Instant from, long rosePrice) {
        return Catalog.builder().version(version).effectiveFrom(from).gift("rose", "Rose", rosePrice).build();
    }

    private static final Catalog V1 = catalog("v1", Instant.EPOCH, 1);
    private static final Catalog V2 = catalog("v2", DEC, 2);
    private static final Catalog V3 = catalog("v3", JAN, 3);

    @Test
    void catalogEffectiveFromDefaultsToEpochAndIsPartOfEquality() {
        assertEquals(Instant.EPOCH, Catalog.builder().build().effectiveFrom());
        assertEquals(Instant.EPOCH, Catalog.reference().effectiveFrom());
        assertEquals(DEC, V2.effectiveFrom());
        assertEquals(V2, catalog("v2", DEC, 2));
        assertEquals(V2.hashCode(), catalog("v2", DEC, 2).hashCode());
        assertNotEquals(V2, catalog("v2", JAN, 2));
        assertNotEquals(V2, catalog("v2b", DEC, 2));
        assertNotEquals(V2, catalog("v2", DEC, 5));
        assertEquals(catalog("v2", JAN, 2), V2.withEffectiveFrom(JAN));
        assertEquals(catalog("v9", DEC, 2), V2.withVersion("v9"));
        assertThrows(IllegalArgumentException.class, () -> V2.withVersion(" "));
        NullPointerException n = assertThrows(NullPointerException.class, () -> Catalog.builder().effectiveFrom(null));
        assertEquals("effectiveFrom", n.getMessage());
        n = assertThrows(NullPointerException.class, () -> V1.withEffectiveFrom(null));
        assertEquals("effectiveFrom", n.getMessage());
    }

    @Test
    void inForceAtPicksTheLatestEffectiveAtOrBefore() {
        CatalogSchedule s = CatalogSchedule.of(V1).with(V2).with(V3);
        assertSame(V1, s.inForceAt(Instant.EPOCH));
        assertSame(V1, s.inForceAt(DEC.minusNanos(1)));
        assertSame(V2, s.inForceAt(DEC));
        assertSame(V2, s.inForceAt(JAN.minusNanos(1)));
        assertSame(V3, s.inForceAt(JAN));
        assertSame(V3, s.inForceAt(Instant.MAX));
        assertEquals(Optional.empty(), s.findInForceAt(Instant.EPOCH.minusNanos(1)));
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> s.inForceAt(Instant.parse("1969-12-31T23:59:59Z")));
        assertEquals("no catalog is in force at 1969-12-31T23:59:59Z: the first, 'v1', takes effect at "
                + "1970-01-01T00:00:00Z", e.getMessage());
    }

    @Test
    void earlierVersionsStayQueryableAndWithLeavesTheOriginalUnchanged() {
        CatalogSchedule one = CatalogSchedule.of(V1);
        CatalogSchedule two = one.with(V2);
        assertEquals(List.of(V1), one.versions());
        assertEquals(List.of(V1, V2), two.versions());
        assertEquals(Optional.of(V1), two.version("v1"));
        assertEquals(Optional.of(V2), two.version("v2"));
        assertEquals(Optional.empty(), two.version("v3"));
        assertEquals(Optional.empty(), one.version("v2"));
        assertSame(V2, two.latest());
        assertEquals(2, two.size());
        assertEquals("CatalogSchedule[v1 from 1970-01-01T00:00:00Z, v2 from 2026-12-01T00:00:00Z]", two.toString());
        assertThrows(UnsupportedOperationException.class, () -> two.versions().add(V3));
        assertEquals(List.of(V1, V2, V3), CatalogSchedule.of(List.of(V1, V2, V3)).versions());
    }

    @Test
    void duplicateVersionIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogSchedule.of(V1).with(V2).with(catalog("v2", JAN, 7)));
        assertEquals("catalog version 'v2' (effective 2027-01-01T00:00:00Z) is already scheduled "
                + "(effective 2026-12-01T00:00:00Z); versions must be unique", e.getMessage());
    }

    @Test
    void equalOrEarlierInstantIsRejectedNamingBoth() {
        CatalogSchedule s = CatalogSchedule.of(V1).with(V2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.with(catalog("v3", DEC, 3)));
        assertEquals("catalog 'v3' takes effect at 2026-12-01T00:00:00Z, not after catalog 'v2' at "
                + "2026-12-01T00:00:00Z; effective instants must strictly increase", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CatalogSchedule.of(List.of(V1, V3, V2)));
        assertEquals("catalog 'v2' takes effect at 2026-12-01T00:00:00Z, not after catalog 'v3' at "
                + "2027-01-01T00:00:00Z; effective instants must strictly increase", e.getMessage());
        assertEquals(List.of(V1, V2), s.versions(), "a rejected with() leaves the schedule as it was");
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogSchedule.of(List.of()));
        assertEquals("a catalog schedule needs at least one catalog", e.getMessage());
        assertEquals("catalog", assertThrows(NullPointerException.class, () -> CatalogSchedule.of((Catalog) null)).getMessage());
        assertEquals("catalogs", assertThrows(NullPointerException.class, () -> CatalogSchedule.of((List<Catalog>) null)).getMessage());
        CatalogSchedule s = CatalogSchedule.of(V1);
        assertEquals("catalog", assertThrows(NullPointerException.class, () -> s.with(null)).getMessage());
        assertEquals("at", assertThrows(NullPointerException.class, () -> s.inForceAt(null)).getMessage());
        assertEquals("version", assertThrows(NullPointerException.class, () -> s.version(null)).getMessage());
    }
}
