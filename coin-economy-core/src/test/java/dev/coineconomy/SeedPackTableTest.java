package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference catalog against the seed's pack table and {@code shared/reference/*.csv}, hard-coded
 * here (the shared directory is not available in CI).
 */
class SeedPackTableTest {

    /** Every price row of coin-packs.csv: the seed's six US app prices, two GB app prices, one US web price. */
    private static final String[] PACK_ROWS = {
        "coins-65,    65,    US, APP, USD, 0.99",
        "coins-330,   330,   US, APP, USD, 4.99",
        "coins-1050,  1050,  US, APP, USD, 14.99",
        "coins-2200,  2200,  US, APP, USD, 29.99",
        "coins-5500,  5500,  US, APP, USD, 69.99",
        "coins-11000, 11000, US, APP, USD, 139.99",
        "coins-65,    65,    GB, APP, GBP, 0.89",
        "coins-330,   330,   GB, APP, GBP, 4.49",
        "coins-70,    70,    US, WEB, USD, 0.74",
    };

    /** {@link #PACK_ROWS} as the parameters of {@code purchaseGivesThePackCoinsAtItsPrice}. */
    static Stream<Arguments> packRows() {
        return Arrays.stream(PACK_ROWS).map(row -> {
            String[] f = row.split(",\\s*");
            return Arguments.of(f[0], Long.parseLong(f[1]), f[2], Channel.valueOf(f[3]), f[4], f[5]);
        });
    }

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final CoinEconomy economy = CoinEconomy.builder()
            .catalog(Catalog.reference()).policy(EconomyPolicy.reference()).clock(clock).build();

    @ParameterizedTest(name = "{0} in {2}/{3} = {1} coins for {4} {5}")
    @MethodSource("packRows")
    void purchaseGivesThePackCoinsAtItsPrice(String packId, long coins, String region, Channel channel,
                                             String currency, String price) {
        UserId buyer = UserId.of("buyer");
        PurchaseReceipt r = economy.purchase(RequestId.of("p-" + packId), buyer, packId, Region.of(region), channel);
        assertEquals(Coins.of(coins), r.coins());
        assertEquals(Money.of(currency, price), r.price());
        assertEquals(packId, r.packId());
        assertEquals(Region.of(region), r.region());
        assertEquals(channel, r.channel());
        assertEquals(Catalog.REFERENCE_VERSION, r.catalogVersion());
        assertEquals(EconomyPolicy.REFERENCE_VERSION, r.policyVersion());
        assertEquals(Instant.parse("2026-11-25T12:00:00Z"), r.instant());
        assertEquals(Coins.of(coins), economy.wallet(buyer).coins());
        assertEquals(Money.of(currency, price),
                Catalog.reference().pack(packId).orElseThrow().price(Region.of(region), channel).orElseThrow());
        if (channel == Channel.APP) {
            // without a channel a purchase is an app purchase
            PurchaseReceipt byDefault = economy.purchase(RequestId.of("d-" + packId), buyer, packId, Region.of(region));
            assertEquals(Channel.APP, byDefault.channel());
            assertEquals(r.price(), byDefault.price());
            assertEquals(Coins.of(2 * coins), economy.wallet(buyer).coins());
        }
    }

    @Test
    void theTableIsTheWholePriceBookAndNothingElseIsSold() {
        Map<String, Map<PriceKey, Money>> expected = new LinkedHashMap<>();
        Map<String, Long> coinsOf = new LinkedHashMap<>();
        for (String row : PACK_ROWS) {
            String[] c = row.split(",");
            String id = c[0].trim();
            coinsOf.put(id, Long.parseLong(c[1].trim()));
            expected.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(
                    PriceKey.of(Region.of(c[2].trim()), Channel.valueOf(c[3].trim())),
                    Money.of(c[4].trim(), c[5].trim()));
        }
        Catalog catalog = Catalog.reference();
        assertEquals(Catalog.REFERENCE_VERSION, catalog.version());
        assertEquals(List.copyOf(expected.keySet()), catalog.packs().stream().map(CoinPack::id).toList());
        for (CoinPack pack : catalog.packs()) {
            assertEquals(Coins.of(coinsOf.get(pack.id())), pack.coins(), pack.id());
            assertEquals(expected.get(pack.id()), pack.prices(), pack.id());
        }

        // every other pack × region × channel is NOT_SOLD_IN_REGION, and changes nothing
        UserId buyer = UserId.of("buyer");
        int n = 0;
        for (String packId : expected.keySet()) {
            for (String region : List.of("US", "GB", "DE", "KR")) {
                for (Channel channel : Channel.values()) {
                    if (expected.get(packId).containsKey(PriceKey.of(Region.of(region), channel))) {
                        continue;
                    }
                    EconomyException e = assertThrows(EconomyException.class, () -> economy.purchase(
                            RequestId.of("x"), buyer, packId, Region.of(region), channel));
                    assertEquals(RejectionCode.NOT_SOLD_IN_REGION, e.code());
                    assertEquals(Map.of("packId", packId, "region", Region.of(region), "channel", channel),
                            e.values());
                    n++;
                }
            }
        }
        assertEquals(7 * 4 * 2 - 9, n);
        assertEquals(0, economy.journalSize());
        assertEquals(Coins.zero(), economy.wallet(buyer).coins());
    }

    @Test
    void webIsCheaperPerCoinThanTheApp() {
        // 70 coins: USD 0.74 on the web vs USD 0.99 for 65 in the app (rules.md: 25-30% cheaper)
        Catalog c = Catalog.reference();
        Money web = c.pack("coins-70").orElseThrow().price(Region.of("US"), Channel.WEB).orElseThrow();
        Money app = c.pack("coins-65").orElseThrow().price(Region.of("US"), Channel.APP).orElseThrow();
        assertTrue(web.amount().multiply(java.math.BigDecimal.valueOf(65))
                .compareTo(app.amount().multiply(java.math.BigDecimal.valueOf(70))) < 0);
    }

    @ParameterizedTest(name = "{0} = {1} ({2} coins)")
    @CsvSource({
        "rose,            Rose,            1",
        "tiktok,          TikTok,          1",
        "finger-heart,    Finger Heart,    5",
        "hand-hearts,     Hand Hearts,     100",
        "paper-crane,     Paper Crane,     99",
        "money-gun,       Money Gun,       500",
        "galaxy,          Galaxy,          1000",
        "concert,         Concert,         2888",
        "drama-queen,     Drama Queen,     5000",
        "rocket,          Rocket,          20000",
        "lion,            Lion,            29999",
        "universe,        Universe,        34999",
        "tiktok-universe, TikTok Universe, 44999",
    })
    void referenceGiftPrices(String id, String name, long coins) {
        assertEquals(Gift.of(id, name, coins), Catalog.reference().gift(id).orElseThrow());
    }

    @Test
    void referenceGiftList() {
        List<Gift> gifts = List.copyOf(Catalog.reference().gifts());
        assertEquals(36, gifts.size());
        assertEquals(Gift.of("rose", "Rose", 1), gifts.get(0));
        assertEquals(Gift.of("tiktok-universe", "TikTok Universe", 44_999), gifts.get(gifts.size() - 1));
        Set<String> ids = new HashSet<>();
        gifts.forEach(g -> assertTrue(ids.add(g.id()), g.id()));
        assertEquals(6, gifts.stream().filter(g -> g.price().amount() == 1).count());
        assertEquals(Coins.of(1), gifts.stream().map(Gift::price).min(Coins::compareTo).orElseThrow());
        assertEquals(Coins.of(44_999), gifts.stream().map(Gift::price).max(Coins::compareTo).orElseThrow());
        long total = gifts.stream().mapToLong(g -> g.price().amount()).sum();
        assertEquals(TOTAL_GIFT_COINS, total);
        assertTrue(Catalog.reference().gift("dragon").isEmpty());
        assertTrue(Catalog.reference().pack("coins-100").isEmpty());
    }

    /** Sum of the coins column of gifts.csv. */
    private static final long TOTAL_GIFT_COINS = 1 + 1 + 1 + 1 + 1 + 1 + 5 + 10 + 20 + 30 + 99 + 100 + 100 + 199 + 299
            + 500 + 699 + 899 + 999 + 1000 + 1088 + 1999 + 2888 + 3000 + 4888 + 5000 + 7000 + 10000 + 20000
            + 25999 + 26999 + 29999 + 34999 + 39999 + 42999 + 44999;
}
