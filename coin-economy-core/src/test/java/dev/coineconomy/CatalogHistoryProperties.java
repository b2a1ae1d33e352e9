package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Property "a catalog change never alters history": under a random schedule of {@code publish} calls
 * interleaved with random purchases, gifts, retries and clock moves, every entry's coins and price are
 * exactly what the catalog version named on the entry says, that version is the one in force at the
 * entry's instant, and a snapshot of the journal taken before each publish is still a prefix of the final
 * journal, entry for entry.
 */
class CatalogHistoryProperties {

    private static final Region US = Region.of("US");
    private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");
    private static final List<UserId> USERS = List.of(UserId.of("u0"), UserId.of("u1"), UserId.of("u2"),
            UserId.of("u3"));
    private static final List<String> PACKS = List.of("pack-a", "pack-b");
    private static final List<String> GIFTS = List.of("rose", "heart", "star");

    /** One random step: kind 0-1 publish, 2 clock, 3-5 purchase, 6-8 gift, 9 retry. */
    record Op(int kind, int a, int b, int c) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "op(%d,%d,%d,%d)", kind, a, b, c);
        }
    }

    static Gen<Op> ops() {
        return integers().between(0, 9).zip(integers().between(0, 5_000), integers().between(0, 999),
                integers().between(0, 99), Op::new);
    }

    /** A catalog whose prices, coins and assortment depend on the seed. */
    static Catalog catalog(String version, Instant from, int seed) {
        Catalog.Builder b = Catalog.builder().version(version).effectiveFrom(from)
                .pack(CoinPack.builder("pack-a", 100 + seed % 50)
                        .price(US, Channel.APP, Money.ofMinor("USD", 99 + seed % 300)).build());
        if (seed % 2 == 0) {
            b.pack(CoinPack.builder("pack-b", 500 + seed % 7)
                    .price(US, Channel.APP, Money.ofMinor("USD", 499 + seed % 5))
                    .price(US, Channel.WEB, Money.ofMinor("USD", 399 + seed % 11)).build());
        }
        b.gift("rose", "Rose", 1 + seed % 3).gift("heart", "Heart", 10 + seed % 7);
        if (seed % 3 == 0) {
            b.gift(Gift.of("star", "Star", 50 + seed % 13));
        }
        return b.build();
    }

    @Test
    void entriesArePricedByTheVersionTheyNameAndNeverChange() {
        PropertySupport.props(120).forAll(lists().of(ops()).ofSizeBetween(1, 70)).checkAssert(this::run);
        // the generator really exercises the schedule
        assertTrue(published > 100, "publishes: " + published);
        assertTrue(pricedByLaterVersions > 100, "entries priced by a published version: " + pricedByLaterVersions);
    }

    private int published;
    private int pricedByLaterVersions;

    private void run(List<Op> ops) {
        MutableClock clock = new MutableClock(START);
        CoinEconomy e = CoinEconomy.builder().catalog(catalog("v0", Instant.EPOCH, 0)).clock(clock).build();
        List<List<JournalEntry>> snapshots = new ArrayList<>();
        List<RequestId> accepted = new ArrayList<>();
        Instant latestUsed = START;
        int versions = 1;
        int ids = 0;
        for (Op op : ops) {
            String ctx = op + " at " + clock.instant();
            switch (op.kind()) {
                case 0, 1 -> {
                    // the host publishes after every instant it already used (the clock may have gone back)
                    Instant base = op.c() % 4 == 0 ? clock.instant() : latestUsed;
                    Instant from = base.plus(Duration.ofMinutes(op.a() - 200L));
                    Catalog next = catalog("v" + versions, from, op.b());
                    Instant latest = e.catalogs().latest().effectiveFrom();
                    snapshots.add(e.journal(1, Integer.MAX_VALUE));
                    if (from.isAfter(clock.instant()) && from.isAfter(latest)) {
                        if (from.isAfter(latestUsed)) {
                            e.publish(next);
                            versions++;
                            published++;
                            assertEquals(next, e.catalog(next.version()).orElseThrow(), ctx);
                        }
                    } else {
                        List<Catalog> before = e.catalogs().versions();
                        assertThrows(IllegalArgumentException.class, () -> e.publish(next), ctx);
                        assertEquals(before, e.catalogs().versions(), ctx + ": a refused publish changed the schedule");
                    }
                }
                case 2 -> {
                    Duration d = Duration.ofMinutes(op.a() * (long) (1 + op.b() % 20));
                    clock.set(op.c() % 5 == 0 ? clock.instant().minus(d) : clock.instant().plus(d));
                }
                case 3, 4, 5 -> {
                    RequestId id = RequestId.of("p-" + ids++);
                    Channel channel = op.c() % 3 == 0 ? Channel.WEB : Channel.APP;
                    attempt(e, accepted, id, () -> e.purchase(id, USERS.get(op.a() % USERS.size()),
                            PACKS.get(op.b() % PACKS.size()), US, channel));
                    latestUsed = max(latestUsed, clock.instant());
                }
                case 6, 7, 8 -> {
                    RequestId id = RequestId.of("g-" + ids++);
                    UserId sender = USERS.get(op.a() % USERS.size());
                    UserId creator = USERS.get((op.a() + 1 + op.b() % 3) % USERS.size());
                    attempt(e, accepted, id, () -> e.sendGift(id, sender, creator,
                            GIFTS.get(op.c() % GIFTS.size()), 1 + op.b() % 4));
                    latestUsed = max(latestUsed, clock.instant());
                }
                default -> {
                    if (!accepted.isEmpty()) {
                        JournalEntry stored = e.entry(accepted.get(op.a() % accepted.size())).orElseThrow();
                        long size = e.journalSize();
                        Receipt again = retry(e, stored.receipt());
                        assertEquals(stored.receipt(), again, ctx + ": a retry is answered as stored");
                        assertEquals(size, e.journalSize(), ctx);
                    }
                }
            }
        }
        List<JournalEntry> journal = e.journal(1, Integer.MAX_VALUE);
        for (List<JournalEntry> snapshot : snapshots) {
            assertEquals(snapshot, journal.subList(0, snapshot.size()), "an entry changed after a publish");
        }
        for (JournalEntry entry : journal) {
            checkPricedByItsVersion(e, entry);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void attempt(CoinEconomy e, List<RequestId> accepted, RequestId id, Runnable command) {
        long size = e.journalSize();
        try {
            command.run();
            accepted.add(id);
            assertEquals(size + 1, e.journalSize());
        } catch (EconomyException rejected) {
            assertTrue(List.of(RejectionCode.UNKNOWN_PACK, RejectionCode.NOT_SOLD_IN_REGION, RejectionCode.UNKNOWN_GIFT,
                    RejectionCode.INSUFFICIENT_COINS, RejectionCode.SELF_GIFT).contains(rejected.code()),
                    rejected.getMessage());
            assertEquals(size, e.journalSize());
            assertTrue(e.entry(id).isEmpty());
        }
    }

    private static Receipt retry(CoinEconomy e, Receipt r) {
        if (r instanceof PurchaseReceipt p) {
            return e.purchase(p.requestId(), p.user(), p.packId(), p.region(), p.channel());
        }
        GiftReceipt g = (GiftReceipt) r;
        return e.sendGift(g.requestId(), g.sender(), g.creator(), g.giftId(), g.quantity());
    }

    private void checkPricedByItsVersion(CoinEconomy e, JournalEntry entry) {
        String version = entry.receipt().catalogVersion();
        if (!"v0".equals(version)) {
            pricedByLaterVersions++;
        }
        Catalog named = e.catalog(version).orElseThrow(() -> new AssertionError("version " + version + " lost"));
        assertEquals(e.catalogs().inForceAt(entry.instant()).version(), version,
                "entry " + entry.sequence() + " is not priced by the catalog in force at " + entry.instant());
        if (entry.receipt() instanceof PurchaseReceipt p) {
            CoinPack pack = named.pack(p.packId()).orElseThrow();
            assertEquals(pack.coins(), p.coins(), entry.toString());
            assertEquals(pack.price(p.region(), p.channel()).orElseThrow(), p.price(), entry.toString());
        } else {
            GiftReceipt g = (GiftReceipt) entry.receipt();
            Gift gift = named.gift(g.giftId()).orElseThrow();
            assertEquals(gift.price().amount() * g.quantity(), g.coinsSpent().amount(), entry.toString());
        }
    }
}
