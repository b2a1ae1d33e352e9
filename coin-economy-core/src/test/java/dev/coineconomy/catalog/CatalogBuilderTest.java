package dev.coineconomy.catalog;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogBuilderTest {

    private static final Region US = Region.of("US");
    private static final Region GB = Region.of("GB");

    private static CoinPack pack(String id, long coins) {
        return CoinPack.builder(id, coins).price(US, Channel.APP, Money.of("USD", "1.49")).build();
    }

    private static void rejected(String messagePart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(messagePart), () -> "'" + messagePart + "' not in: " + e.getMessage());
    }

    @Test
    void readmeCatalog() {
        Catalog catalog = Catalog.builder()
                .version("2026-12")
                .pack(CoinPack.builder("coins-100", 100)
                        .price(US, Channel.APP, Money.of("USD", "1.49"))
                        .price(US, Channel.WEB, Money.of("USD", "1.09"))
                        .price(GB, Channel.APP, Money.of("GBP", "1.29"))
                        .build())
                .pack(pack("coins-7", 7))
                .gift("rose", "Rose", 1)
                .gift(Gift.of("lion", "Lion", 29_999))
                .build();
        assertEquals("2026-12", catalog.version());
        assertEquals(List.of("coins-100", "coins-7"), catalog.packs().stream().map(CoinPack::id).toList());
        assertEquals(List.of("rose", "lion"), catalog.gifts().stream().map(Gift::id).toList());
        CoinPack p = catalog.pack("coins-100").orElseThrow();
        assertEquals(Coins.of(100), p.coins());
        assertEquals(Money.of("USD", "1.09"), p.price(US, Channel.WEB).orElseThrow());
        assertEquals(Money.of("GBP", "1.29"), p.price(GB, Channel.APP).orElseThrow());
        assertTrue(p.price(GB, Channel.WEB).isEmpty());
        assertEquals(List.of(PriceKey.of(US, Channel.APP), PriceKey.of(US, Channel.WEB), PriceKey.of(GB, Channel.APP)),
                List.copyOf(p.prices().keySet()));
        assertEquals(Coins.of(29_999), catalog.gift("lion").orElseThrow().price());
        assertTrue(catalog.gift("dragon").isEmpty());
        assertEquals("Catalog[2026-12: 2 packs, 2 gifts]", catalog.toString());
        assertEquals("1", Catalog.builder().build().version());
    }

    @Test
    void catalogsArePersistentSnapshots() {
        Catalog.Builder builder = Catalog.builder().pack(pack("coins-1", 1)).gift("rose", "Rose", 1);
        Catalog first = builder.build();
        builder.pack(pack("coins-2", 2)).gift("gg", "GG", 1);
        assertEquals(1, first.packs().size());
        assertEquals(1, first.gifts().size());
        assertEquals(2, builder.build().packs().size());
        assertThrows(UnsupportedOperationException.class, () -> first.packs().clear());
        assertThrows(UnsupportedOperationException.class, () -> first.gifts().clear());

        Map<PriceKey, Money> prices = new LinkedHashMap<>();
        prices.put(PriceKey.of(US, Channel.APP), Money.of("USD", "0.99"));
        CoinPack p = new CoinPack("coins-65", Coins.of(65), prices);
        prices.put(PriceKey.of(GB, Channel.APP), Money.of("GBP", "0.89"));
        assertEquals(1, p.prices().size());
        assertThrows(UnsupportedOperationException.class, () -> p.prices().clear());
    }

    @Test
    void duplicateIds() {
        rejected("duplicate pack id 'coins-1'",
                () -> Catalog.builder().pack(pack("coins-1", 1)).pack(pack("coins-1", 2)));
        rejected("duplicate gift id 'rose'",
                () -> Catalog.builder().gift("rose", "Rose", 1).gift("rose", "Another Rose", 2));
        rejected("already has a price in US/APP", () -> CoinPack.builder("coins-1", 1)
                .price(US, Channel.APP, Money.of("USD", "1.00")).price(Region.of("us"), Channel.APP, Money.of("USD", "2.00")));
        // a pack and a gift may share an id: they are looked up separately
        Catalog c = Catalog.builder().pack(pack("rose", 1)).gift("rose", "Rose", 1).build();
        assertEquals("rose", c.pack("rose").orElseThrow().id());
        assertEquals("rose", c.gift("rose").orElseThrow().id());
    }

    @Test
    void badPrices() {
        rejected("must be positive", () -> CoinPack.builder("coins-1", 1)
                .price(US, Channel.APP, Money.of("USD", "0.00")).build());
        rejected("must be positive", () -> CoinPack.builder("coins-1", 1)
                .price(US, Channel.APP, Money.of("USD", "-1.00")).build());
        rejected("too large", () -> CoinPack.builder("coins-1", 1)
                .price(US, Channel.APP, Money.of("USD", "100000000000000000.00")).build());
        rejected("has no price in any region", () -> CoinPack.builder("coins-1", 1).build());
        rejected("at least 1 coin", () -> CoinPack.builder("coins-0", 0)
                .price(US, Channel.APP, Money.of("USD", "1.00")).build());
        rejected("coins", () -> CoinPack.builder("coins-1", -1));
        rejected("gift 'rose' must cost at least 1 coin", () -> Gift.of("rose", "Rose", 0));
        rejected("coins", () -> Gift.of("rose", "Rose", -1));
        rejected("gift 'rose' has a blank name", () -> Gift.of("rose", " ", 1));
        rejected("gift 'rose' has a blank name", () -> Gift.of("rose", "", 1));
    }

    @Test
    void badIds() {
        for (String id : new String[] {"", "Coins-1", "coins_1", "-coins", "coins-", "coins--1", "coins 1", " coins",
            "coıns", "münze", "a".repeat(65)}) {
            rejected("pack id '" + id + "'", () -> CoinPack.builder(id, 1));
            rejected("gift id '" + id + "'", () -> Gift.of(id, "Name", 1));
        }
        assertEquals("a".repeat(64), Gift.of("a".repeat(64), "A", 1).id());
        assertEquals("1", Gift.of("1", "One", 1).id());
        assertEquals("a-1-b", pack("a-1-b", 1).id());
    }

    @Test
    void badVersions() {
        rejected("catalog version", () -> Catalog.builder().version(""));
        rejected("catalog version", () -> Catalog.builder().version("   "));
        rejected("catalog version", () -> Catalog.builder().version("v".repeat(65)));
        assertEquals("v".repeat(64), Catalog.builder().version("v".repeat(64)).build().version());
    }
}
