package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CatalogSchedule;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.coineconomy.WiringSupport.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Catalog versions through the facade: {@code publish} schedules a catalog; each command is priced by the
 * catalog in force at its instant and its receipt and entry name that version; earlier versions stay
 * queryable; a catalog cannot be published for the past, and entries never change.
 */
class CatalogVersionsTest {

    private static final Region US = Region.of("US");
    private static final Instant V2_FROM = Instant.parse("2026-12-01T00:00:00Z");

    static final Catalog V1 = Catalog.builder().version("v1")
            .pack(CoinPack.builder("pack-a", 100).price(US, Channel.APP, Money.of("USD", "0.99")).build())
            .pack(CoinPack.builder("pack-b", 500).price(US, Channel.APP, Money.of("USD", "4.99")).build())
            .gift("rose", "Rose", 1)
            .gift("heart", "Heart", 10)
            .build();

    /** Different prices, a new gift, a removed pack. */
    static final Catalog V2 = Catalog.builder().version("v2").effectiveFrom(V2_FROM)
            .pack(CoinPack.builder("pack-a", 120).price(US, Channel.APP, Money.of("USD", "1.29")).build())
            .gift("rose", "Rose", 2)
            .gift("heart", "Heart", 10)
            .gift("star", "Star", 50)
            .build();

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final UserId viewer = UserId.of("viewer");
    private final UserId creator = UserId.of("creator");
    private final List<UserId> users = List.of(viewer, creator);

    private CoinEconomy economy() {
        return CoinEconomy.builder().catalog(V1).clock(clock)
                .policy(EconomyPolicy.reference().withMinimumWithdrawal(Money.of("USD", "0.01"))).build();
    }

    @Test
    void commandsArePricedByTheCatalogInForceAtTheirInstant() {
        CoinEconomy e = economy();
        CatalogSchedule schedule = e.publish(V2);
        assertEquals(List.of(V1, V2), schedule.versions());
        assertEquals(schedule.versions(), e.catalogs().versions());
        assertEquals(V1, e.catalog(), "v2 is scheduled, not yet in force");
        assertEquals(Optional.of(V2), e.catalog("v2"));

        PurchaseReceipt a1 = e.purchase(RequestId.of("a1"), viewer, "pack-a", US);
        assertEquals(100, a1.coins().amount());
        assertEquals(Money.of("USD", "0.99"), a1.price());
        assertEquals("v1", a1.catalogVersion());
        PurchaseReceipt b1 = e.purchase(RequestId.of("b1"), viewer, "pack-b", US);
        assertEquals("v1", b1.catalogVersion());
        RequestId star = RequestId.of("star-early");
        rejected(e, users, star, RejectionCode.UNKNOWN_GIFT, () -> e.sendGift(star, viewer, creator, "star", 1),
                "giftId", "star", "catalogVersion", "v1");

        clock.set(V2_FROM.minusNanos(1));
        GiftReceipt lastV1 = e.sendGift(RequestId.of("r1"), viewer, creator, "rose", 3);
        assertEquals(3, lastV1.coinsSpent().amount());
        assertEquals("v1", lastV1.catalogVersion());

        clock.set(V2_FROM);
        assertEquals(V2, e.catalog());
        GiftReceipt firstV2 = e.sendGift(RequestId.of("r2"), viewer, creator, "rose", 3);
        assertEquals(6, firstV2.coinsSpent().amount());
        assertEquals("v2", firstV2.catalogVersion());
        GiftReceipt starGift = e.sendGift(star, viewer, creator, "star", 1);
        assertEquals(50, starGift.coinsSpent().amount());
        PurchaseReceipt a2 = e.purchase(RequestId.of("a2"), viewer, "pack-a", US);
        assertEquals(120, a2.coins().amount());
        assertEquals(Money.of("USD", "1.29"), a2.price());
        assertEquals("v2", a2.catalogVersion());
        RequestId b2 = RequestId.of("b2");
        rejected(e, users, b2, RejectionCode.UNKNOWN_PACK, () -> e.purchase(b2, viewer, "pack-b", US),
                "packId", "pack-b", "catalogVersion", "v2");
        WithdrawalReceipt w = e.withdraw(RequestId.of("w"), creator, Diamonds.of(20));
        assertEquals("v2", w.catalogVersion());

        // retries of v1 commands are answered as stored, although v2 prices differently or lacks the pack
        assertEquals(a1, e.purchase(RequestId.of("a1"), viewer, "pack-a", US));
        assertEquals(b1, e.purchase(RequestId.of("b1"), viewer, "pack-b", US));
        assertEquals(lastV1, e.sendGift(RequestId.of("r1"), viewer, creator, "rose", 3));

        // every entry names the version that priced it, and that version is still queryable
        for (JournalEntry entry : e.journal(1, 100)) {
            String version = entry.receipt().catalogVersion();
            assertEquals(e.catalogs().inForceAt(entry.instant()).version(), version, entry.toString());
            assertTrue(e.catalog(version).isPresent());
        }
        assertEquals(Optional.of(V1), e.catalog("v1"));
        assertEquals(Optional.empty(), e.catalog("v3"));
        assertEquals(100 + 500 - 3 - 6 - 50 + 120, e.wallet(viewer).coins().amount());
    }

    @Test
    void aCatalogCannotBePublishedForThePastNorOutOfOrderNorTwice() {
        CoinEconomy e = economy();
        e.purchase(RequestId.of("p"), viewer, "pack-a", US);
        List<JournalEntry> before = e.journal(1, 10);
        Instant now = clock.instant();

        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> e.publish(V2.withEffectiveFrom(now.minusSeconds(1))));
        assertTrue(past.getMessage().contains("v2"), past.getMessage());
        assertEquals(List.of(V1), e.catalogs().versions());

        e.publish(V2);
        assertThrows(IllegalArgumentException.class, () -> e.publish(V2.withVersion("v3")
                .withEffectiveFrom(V2_FROM.minusSeconds(60))), "before the latest");
        assertThrows(IllegalArgumentException.class, () -> e.publish(V2.withEffectiveFrom(V2_FROM.plusSeconds(60))),
                "same version twice");
        assertThrows(NullPointerException.class, () -> e.publish(null));
        assertEquals(List.of(V1, V2), e.catalogs().versions());
        assertEquals(before, e.journal(1, 10), "publishing changes no entry");
        assertEquals(V1, e.catalog());
    }

    @Test
    void aCatalogEffectiveAtTheCurrentInstantDoesNotRepriceCommandsAlreadyStampedWithIt() {
        CoinEconomy e = economy();
        PurchaseReceipt now = e.purchase(RequestId.of("p"), viewer, "pack-a", US);
        assertEquals("v1", now.catalogVersion());
        // the clock has not moved: a catalog taking effect "now" would claim the instant of an entry v1 priced
        Catalog atNow = V2.withVersion("v2-now").withEffectiveFrom(clock.instant());
        assertThrows(IllegalArgumentException.class, () -> e.publish(atNow));
        assertEquals("v1", e.catalogs().inForceAt(now.instant()).version());
        e.publish(atNow.withEffectiveFrom(clock.instant().plusNanos(1)));
        assertEquals("v1", e.catalogs().inForceAt(now.instant()).version());
    }
}
