package dev.coineconomy.catalog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** For random schedules and instants, {@code inForceAt} is the catalog with the greatest effective instant ≤ t. */
class CatalogScheduleProperties {

    private static final long SEED = 0x5C4ED01EL;
    private static final long SPAN = 1_000_000L;

    private static CatalogSchedule schedule(List<Long> seconds) {
        TreeSet<Long> distinct = new TreeSet<>(seconds);
        List<Catalog> catalogs = new ArrayList<>();
        int i = 0;
        for (long s : distinct) {
            catalogs.add(Catalog.builder().version("v" + i++).effectiveFrom(Instant.ofEpochSecond(s, Math.floorMod(s, 7)))
                    .gift("rose", "Rose", 1 + Math.floorMod(s, 5)).build());
        }
        return CatalogSchedule.of(catalogs);
    }

    private static Optional<Catalog> bruteForce(CatalogSchedule s, Instant t) {
        Catalog best = null;
        for (Catalog c : s.versions()) {
            if (!c.effectiveFrom().isAfter(t) && (best == null || c.effectiveFrom().isAfter(best.effectiveFrom()))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    @Test
    void inForceAtIsTheGreatestEffectiveInstantAtOrBeforeT() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(lists().of(longs().between(-SPAN, SPAN)).ofSizeBetween(1, 40),
                        longs().between(-SPAN - 10, SPAN + 10), longs().between(0, 999_999_999))
                .checkAssert((seconds, t, nanos) -> {
                    CatalogSchedule s = schedule(seconds);
                    Instant at = Instant.ofEpochSecond(t, nanos);
                    assertEquals(bruteForce(s, at), s.findInForceAt(at));
                    // each catalog is in force exactly at its own effective instant
                    for (Catalog c : s.versions()) {
                        assertEquals(c, s.inForceAt(c.effectiveFrom()));
                        assertEquals(Optional.of(c), s.version(c.version()));
                    }
                });
    }

    @Test
    void growingAScheduleNeverChangesWhatWasInForceBeforeTheNewInstant() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(lists().of(longs().between(-SPAN, SPAN)).ofSizeBetween(1, 20), longs().between(1, SPAN),
                        longs().between(-SPAN - 10, 3 * SPAN))
                .checkAssert((seconds, gap, t) -> {
                    CatalogSchedule s = schedule(seconds);
                    Instant next = s.latest().effectiveFrom().plusSeconds(gap);
                    CatalogSchedule grown = s.with(Catalog.builder().version("next").effectiveFrom(next).build());
                    Instant at = Instant.ofEpochSecond(t);
                    if (at.isBefore(next)) {
                        assertEquals(s.findInForceAt(at), grown.findInForceAt(at));
                    } else {
                        assertEquals("next", grown.inForceAt(at).version());
                    }
                });
    }
}
