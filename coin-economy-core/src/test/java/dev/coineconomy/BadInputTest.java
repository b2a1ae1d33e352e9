package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input: nulls, quantities below 1, overflowing quantities, unknown ids, malformed money, currency,
 * region and id strings. Each is a specific exception naming the argument, and after each attempt on a
 * populated economy nothing observable has changed and the request id is still free.
 */
class BadInputTest {

    private static final Region US = Region.of("US");
    private static final RequestId FREE = RequestId.of("free-id");
    private static final long LION = 29_999;

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final UserId viewer = UserId.of("viewer");
    private final UserId creator = UserId.of("creator");
    private final UserId stranger = UserId.of("stranger");
    private final List<UserId> users = List.of(viewer, creator, stranger);
    private CoinEconomy economy;

    @BeforeEach
    void populate() {
        economy = CoinEconomy.builder().catalog(Catalog.reference()).policy(EconomyPolicy.reference())
                .clock(clock).build();
        for (int i = 0; i < 4; i++) {
            economy.purchase(RequestId.of("p-" + i), viewer, "coins-11000", US);
        }
        economy.purchase(RequestId.of("p-web"), viewer, "coins-70", US, Channel.WEB);
        economy.purchase(RequestId.of("p-gb"), viewer, "coins-330", Region.of("GB"));
        economy.sendGift(RequestId.of("g-1"), viewer, creator, "lion", 1);
        economy.sendGift(RequestId.of("g-2"), viewer, creator, "rose", 11);
        economy.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_000));
        assertEquals(9, economy.journalSize());
    }

    /** Runs a bad command and checks the exception type, that its message names the argument, and no change. */
    private <T extends Throwable> T rejects(Class<T> type, String named, Executable command) {
        StateSnapshot before = StateSnapshot.of(economy, users);
        T e = assertThrowsExactly(type, command);
        assertTrue(e.getMessage() != null && e.getMessage().contains(named),
                () -> "message should name '" + named + "': " + e.getMessage());
        StateSnapshot.assertUnchanged(before, economy, users, FREE);
        return e;
    }

    private EconomyException rejects(RejectionCode code, Executable command) {
        EconomyException e = rejects(EconomyException.class, code.name(), command);
        assertEquals(code, e.code());
        return e;
    }

    /** Ends each test: the request id of every rejected attempt is still free for a valid command. */
    private void idStaysUsable() {
        assertEquals(FREE, economy.purchase(FREE, stranger, "coins-65", US).requestId());
    }

    @Test
    void nullArgumentsOfCommandsAndQueries() {
        rejects(NullPointerException.class, "requestId", () -> economy.purchase(null, viewer, "coins-65", US));
        rejects(NullPointerException.class, "user", () -> economy.purchase(FREE, null, "coins-65", US));
        rejects(NullPointerException.class, "packId", () -> economy.purchase(FREE, viewer, null, US));
        rejects(NullPointerException.class, "region", () -> economy.purchase(FREE, viewer, "coins-65", null));
        rejects(NullPointerException.class, "requestId",
                () -> economy.purchase(null, viewer, "coins-65", US, Channel.APP));
        rejects(NullPointerException.class, "user", () -> economy.purchase(FREE, null, "coins-65", US, Channel.APP));
        rejects(NullPointerException.class, "packId", () -> economy.purchase(FREE, viewer, null, US, Channel.APP));
        rejects(NullPointerException.class, "region",
                () -> economy.purchase(FREE, viewer, "coins-65", null, Channel.APP));
        rejects(NullPointerException.class, "channel", () -> economy.purchase(FREE, viewer, "coins-65", US, null));

        rejects(NullPointerException.class, "requestId", () -> economy.sendGift(null, viewer, creator, "rose", 1));
        rejects(NullPointerException.class, "sender", () -> economy.sendGift(FREE, null, creator, "rose", 1));
        rejects(NullPointerException.class, "creator", () -> economy.sendGift(FREE, viewer, (UserId) null, "rose", 1));
        rejects(NullPointerException.class, "giftId", () -> economy.sendGift(FREE, viewer, creator, null, 1));

        rejects(NullPointerException.class, "requestId", () -> economy.withdraw(null, creator, Diamonds.of(20_000)));
        rejects(NullPointerException.class, "creator", () -> economy.withdraw(FREE, null, Diamonds.of(20_000)));
        rejects(NullPointerException.class, "diamonds", () -> economy.withdraw(FREE, creator, null));

        // a null is reported even when the request id was already used, or the command is otherwise wrong
        rejects(NullPointerException.class, "user", () -> economy.purchase(RequestId.of("p-0"), null, "coins-11000", US));
        rejects(NullPointerException.class, "region", () -> economy.purchase(FREE, viewer, "no-such-pack", null));
        rejects(NullPointerException.class, "creator", () -> economy.sendGift(RequestId.of("g-1"), viewer, (UserId) null, "lion", 1));

        rejects(NullPointerException.class, "user", () -> economy.wallet(null));
        rejects(NullPointerException.class, "user", () -> economy.statement(null));
        rejects(NullPointerException.class, "requestId", () -> economy.entry(null));
        rejects(NullPointerException.class, "creator", () -> economy.remainingWithdrawalToday(null));
        rejects(IllegalArgumentException.class, "fromSequence", () -> economy.journal(0, 1));
        rejects(IllegalArgumentException.class, "limit", () -> economy.journal(1, 0));
        idStaysUsable();
    }

    @TestFactory
    Stream<DynamicTest> nullArgumentsOfFactoriesAndBuilders() {
        Currency usd = Currency.getInstance("USD");
        Money one = Money.of("USD", "1.00");
        return Stream.of(
                nul("CoinEconomy.builder().catalog", "catalog", () -> CoinEconomy.builder().catalog(null)),
                nul("CoinEconomy.builder().policy", "policy", () -> CoinEconomy.builder().policy(null)),
                nul("CoinEconomy.builder().clock", "clock", () -> CoinEconomy.builder().clock(null)),
                nul("UserId.of", "userId", () -> UserId.of(null)),
                nul("RequestId.of", "requestId", () -> RequestId.of(null)),
                nul("Region.of", "region", () -> Region.of(null)),
                nul("Money.of(code, null)", "amount", () -> Money.of("USD", null)),
                nul("Money.of(null, amount)", "currencyCode", () -> Money.of((String) null, "1.00")),
                nul("Money.of(null currency, amount)", "currency", () -> Money.of((Currency) null, BigDecimal.ONE)),
                nul("Money.of(currency, null)", "amount", () -> Money.of(usd, null)),
                nul("Money.ofMinor(null code)", "currencyCode", () -> Money.ofMinor((String) null, 1)),
                nul("Money.ofMinor(null currency)", "currency", () -> Money.ofMinor((Currency) null, 1)),
                nul("Money.zero", "currency", () -> Money.zero(null)),
                nul("Money.parse", "text", () -> Money.parse(null)),
                nul("Money.currency", "currencyCode", () -> Money.currency(null)),
                nul("Money.plus", "other", () -> one.plus(null)),
                nul("Money.minus", "other", () -> one.minus(null)),
                nul("Money.compareTo", "other", () -> one.compareTo(null)),
                nul("Ratio.parse", "text", () -> Ratio.parse(null)),
                nul("Gift.of(null id)", "gift id", () -> Gift.of(null, "Rose", 1)),
                nul("Gift.of(null name)", "name", () -> Gift.of("rose", null, 1)),
                nul("Gift(null price)", "price", () -> new Gift("rose", "Rose", null)),
                nul("CoinPack.builder(null id)", "pack id", () -> CoinPack.builder(null, 1)),
                nul("CoinPack.Builder.price(null region)", "region",
                        () -> CoinPack.builder("p", 1).price(null, Channel.APP, one)),
                nul("CoinPack.Builder.price(null channel)", "channel",
                        () -> CoinPack.builder("p", 1).price(US, null, one)),
                nul("CoinPack.Builder.price(null price)", "price",
                        () -> CoinPack.builder("p", 1).price(US, Channel.APP, null)),
                nul("CoinPack(null coins)", "coins", () -> new CoinPack("p", null, java.util.Map.of())),
                nul("CoinPack(null prices)", "prices", () -> new CoinPack("p", Coins.of(1), null)),
                nul("PriceKey.of(null region)", "region", () -> PriceKey.of(null, Channel.APP)),
                nul("PriceKey.of(null channel)", "channel", () -> PriceKey.of(US, null)),
                nul("Catalog.builder().version", "version", () -> Catalog.builder().version(null)),
                nul("Catalog.builder().pack", "pack", () -> Catalog.builder().pack(null)),
                nul("Catalog.builder().gift", "gift", () -> Catalog.builder().gift(null)),
                nul("Catalog.pack", "packId", () -> Catalog.reference().pack(null)),
                nul("Catalog.gift", "giftId", () -> Catalog.reference().gift(null)),
                nul("DiamondValue.of", "amount", () -> DiamondValue.of(null, 200)),
                nul("DiamondValue.perDiamond(null code)", "currencyCode", () -> DiamondValue.perDiamond(null, "0.005")),
                nul("DiamondValue.perDiamond(null value)", "valueOfOneDiamond", () -> DiamondValue.perDiamond("USD", null)),
                nul("EconomyPolicy.withVersion", "version", () -> EconomyPolicy.reference().withVersion(null)),
                nul("EconomyPolicy.withDiamondsPerCoin", "diamondsPerCoin",
                        () -> EconomyPolicy.reference().withDiamondsPerCoin(null)),
                nul("EconomyPolicy.withDiamondValue", "diamondValue",
                        () -> EconomyPolicy.reference().withDiamondValue(null)),
                nul("EconomyPolicy.withMinimumWithdrawal", "minimum",
                        () -> EconomyPolicy.reference().withMinimumWithdrawal(null)),
                nul("EconomyPolicy.withDailyWithdrawalLimit", "dailyLimit",
                        () -> EconomyPolicy.reference().withDailyWithdrawalLimit(null)),
                nul("EconomyPolicy.withWithdrawalDayZone", "dayZone",
                        () -> EconomyPolicy.reference().withWithdrawalDayZone(null)),
                nul("EconomyPolicy.withPayout", "payout", () -> EconomyPolicy.reference().withPayout(null)),
                nul("PayoutPolicy(null value)", "diamondValue",
                        () -> new PayoutPolicy(null, one, one, ZoneOffset.UTC)),
                nul("PayoutPolicy(null minimum)", "minimum",
                        () -> new PayoutPolicy(PayoutPolicy.REFERENCE.diamondValue(), null, one, ZoneOffset.UTC)),
                nul("PayoutPolicy(null limit)", "dailyLimit",
                        () -> new PayoutPolicy(PayoutPolicy.REFERENCE.diamondValue(), one, null, ZoneOffset.UTC)),
                nul("PayoutPolicy(null zone)", "dayZone",
                        () -> new PayoutPolicy(PayoutPolicy.REFERENCE.diamondValue(), one, one, null)));
    }

    private DynamicTest nul(String name, String named, Executable call) {
        return DynamicTest.dynamicTest(name, () -> {
            populate();
            rejects(NullPointerException.class, named, call);
        });
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(longs = {0, -1, -100, Long.MIN_VALUE})
    void quantityBelowOne(long quantity) {
        IllegalArgumentException e = rejects(IllegalArgumentException.class, "quantity",
                () -> economy.sendGift(FREE, viewer, creator, "rose", quantity));
        assertTrue(e.getMessage().contains(Long.toString(quantity)), e.getMessage());
        // argument checks come before the idempotency check and the catalog
        rejects(IllegalArgumentException.class, "quantity",
                () -> economy.sendGift(RequestId.of("g-1"), viewer, creator, "lion", quantity));
        rejects(IllegalArgumentException.class, "quantity",
                () -> economy.sendGift(FREE, viewer, creator, "no-such-gift", quantity));
        idStaysUsable();
    }

    @Test
    void zeroOrNegativeDiamonds() {
        rejects(IllegalArgumentException.class, "diamonds", () -> economy.withdraw(FREE, creator, Diamonds.of(0)));
        rejects(IllegalArgumentException.class, "diamonds", () -> economy.withdraw(FREE, creator, Diamonds.of(-2)));
        rejects(IllegalArgumentException.class, "coins", () -> Coins.of(-1));
        idStaysUsable();
    }

    @Test
    void quantityTimesPriceOverflowingLong() {
        long firstOverflow = Long.MAX_VALUE / LION + 1;
        for (long q : new long[] {firstOverflow, firstOverflow + 1, Long.MAX_VALUE / 2, Long.MAX_VALUE}) {
            IllegalArgumentException e = rejects(IllegalArgumentException.class, "quantity",
                    () -> economy.sendGift(FREE, viewer, creator, "lion", q));
            assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        }
        rejects(IllegalArgumentException.class, "quantity",
                () -> economy.sendGift(FREE, viewer, creator, "hand-hearts", Long.MAX_VALUE / 100 + 1));
        // the largest quantity that fits is a business rejection, not a programming error
        EconomyException poor = rejects(RejectionCode.INSUFFICIENT_COINS,
                () -> economy.sendGift(FREE, viewer, creator, "lion", Long.MAX_VALUE / LION));
        assertEquals(Coins.of(Long.MAX_VALUE / LION * LION), poor.value("needed"));
        assertEquals(economy.wallet(viewer).coins(), poor.value("available"));
        // the documented order: unknown gift and self gift come before the overflow check
        rejects(RejectionCode.UNKNOWN_GIFT, () -> economy.sendGift(FREE, viewer, creator, "no-such", Long.MAX_VALUE));
        rejects(RejectionCode.SELF_GIFT, () -> economy.sendGift(FREE, viewer, viewer, "lion", Long.MAX_VALUE));
        // a reused id is a conflict before anything else about the command is looked at
        rejects(RejectionCode.REQUEST_CONFLICT,
                () -> economy.sendGift(RequestId.of("g-1"), viewer, creator, "lion", Long.MAX_VALUE));
        idStaysUsable();
    }

    @Test
    void unknownPackAndGiftIds() {
        for (String packId : List.of("coins-999", "coins-100", "", " coins-330", "COINS-330", "coins-330 ", "rose")) {
            EconomyException e = rejects(RejectionCode.UNKNOWN_PACK, () -> economy.purchase(FREE, viewer, packId, US));
            assertEquals(packId, e.value("packId"));
            assertEquals(Catalog.REFERENCE_VERSION, e.value("catalogVersion"));
            rejects(RejectionCode.UNKNOWN_PACK, () -> economy.purchase(FREE, viewer, packId, US, Channel.WEB));
        }
        for (String giftId : List.of("dragon", "Rose", "", "rose ", "coins-330", "hand_hearts")) {
            EconomyException e = rejects(RejectionCode.UNKNOWN_GIFT,
                    () -> economy.sendGift(FREE, viewer, creator, giftId, 1));
            assertEquals(giftId, e.value("giftId"));
            assertEquals(Catalog.REFERENCE_VERSION, e.value("catalogVersion"));
        }
        rejects(RejectionCode.NOT_SOLD_IN_REGION, () -> economy.purchase(FREE, viewer, "coins-1050", Region.of("GB")));
        rejects(RejectionCode.NOT_SOLD_IN_REGION, () -> economy.purchase(FREE, viewer, "coins-330", US, Channel.WEB));
        rejects(RejectionCode.NOT_SOLD_IN_REGION, () -> economy.purchase(FREE, viewer, "coins-70", US));
        // business rejections against users the economy has never seen create nothing for them
        rejects(RejectionCode.INSUFFICIENT_COINS, () -> economy.sendGift(FREE, stranger, creator, "rose", 1));
        rejects(RejectionCode.INSUFFICIENT_DIAMONDS, () -> economy.withdraw(FREE, stranger, Diamonds.of(20_000)));
        rejects(RejectionCode.INSUFFICIENT_DIAMONDS, () -> economy.withdraw(FREE, creator, Diamonds.of(20_000)));
        idStaysUsable();
    }

    @ParameterizedTest(name = "USD ''{0}''")
    @ValueSource(strings = {"1.005", "abc", "", " ", "1e3", "1E3", "1,000.00", "1 000", " 1", "1 ", "1.", ".5",
        "+1", "--1", "0x10", "1.2.3", "NaN", "Infinity", "\u0661\u0662", "4,99", "1_000", "0.001", "-0.001"})
    void malformedMoneyStrings(String amount) {
        IllegalArgumentException e = rejects(IllegalArgumentException.class, "amount", () -> Money.of("USD", amount));
        assertTrue(e.getMessage().contains(amount.strip()), e.getMessage());
        rejects(IllegalArgumentException.class, amount.isEmpty() ? "money" : "amount", () -> Money.parse("USD " + amount));
        rejects(IllegalArgumentException.class, "amount",
                () -> EconomyPolicy.reference().withMinimumWithdrawal(Money.of("USD", amount)));
        idStaysUsable();
    }

    @Test
    void tooManyDecimalsForTheCurrency() {
        rejects(IllegalArgumentException.class, "JPY", () -> Money.of("JPY", "1.5"));
        rejects(IllegalArgumentException.class, "JPY", () -> Money.of("JPY", "100.01"));
        rejects(IllegalArgumentException.class, "USD", () -> Money.of(Currency.getInstance("USD"), new BigDecimal("0.001")));
        rejects(IllegalArgumentException.class, "KWD", () -> Money.of("KWD", "1.0001"));
        rejects(IllegalArgumentException.class, "money", () -> Money.parse("USD4.99"));
        rejects(IllegalArgumentException.class, "money", () -> Money.parse("US 4.99"));
        rejects(IllegalArgumentException.class, "money", () -> Money.parse("4.99 USD"));
        rejects(IllegalArgumentException.class, "money", () -> Money.parse(""));
        idStaysUsable();
    }

    @ParameterizedTest(name = "currency ''{0}''")
    @ValueSource(strings = {"XYZ", "QQQ", "US", "USDD", "", "usd", "U$D", "XXX", "XAU"})
    void unknownOrUnusableCurrencyCodes(String code) {
        rejects(IllegalArgumentException.class, "currency", () -> Money.of(code, "1.00"));
        rejects(IllegalArgumentException.class, "currency", () -> Money.currency(code));
        rejects(IllegalArgumentException.class, "currency", () -> Money.ofMinor(code, 100));
        rejects(IllegalArgumentException.class, "currency", () -> DiamondValue.perDiamond(code, "0.005"));
        idStaysUsable();
    }

    @ParameterizedTest(name = "region ''{0}''")
    @ValueSource(strings = {"USA", "u", "1A", "", " ", "U S", "us ", "ZZ", "XX", "A1", "\u0131n", "\u0130N", "\u017Fe",
        "\uFF35\uFF33"})
    void badRegionCodes(String code) {
        rejects(IllegalArgumentException.class, "region", () -> economy.purchase(FREE, viewer, "coins-65", Region.of(code)));
        rejects(IllegalArgumentException.class, "region", () -> PriceKey.of(new Region(code), Channel.APP));
        idStaysUsable();
    }

    /*
     * No-break spaces are whitespace too. Unpaired surrogates have no UTF-8 form: before Ids rejected them,
     * "k\uD800" and "k\uDBFF" were stored under the same key "k?", so a second, different purchase was
     * swallowed as a retry of the first and returned a receipt for request id "k?".
     */
    @ParameterizedTest(name = "id ''{0}''")
    @ValueSource(strings = {"", " ", "a b", "\t", "a\tb", "a\nb", "\u0000", "a\u0007", " a", "a ", "a\u00A0b",
        "a\u2007b", "a\u202Fb", "a\u3000b", "a\u2028b", "a\uD800", "\uDC00a", "a\uD800b"})
    void badUserAndRequestIds(String value) {
        rejects(IllegalArgumentException.class, "userId",
                () -> economy.purchase(FREE, UserId.of(value), "coins-65", US));
        rejects(IllegalArgumentException.class, "requestId",
                () -> economy.purchase(RequestId.of(value), viewer, "coins-65", US));
        rejects(IllegalArgumentException.class, "userId",
                () -> economy.sendGift(FREE, viewer, UserId.of(value), "rose", 1));
        rejects(IllegalArgumentException.class, "requestId",
                () -> economy.withdraw(RequestId.of(value), creator, Diamonds.of(20_000)));
        idStaysUsable();
    }

    @Test
    void idLengthLimit() {
        String max = "r".repeat(128);
        String tooLong = max + "r";
        rejects(IllegalArgumentException.class, "userId", () -> UserId.of(tooLong));
        IllegalArgumentException e = rejects(IllegalArgumentException.class, "requestId",
                () -> economy.purchase(RequestId.of(tooLong), viewer, "coins-65", US));
        assertTrue(e.getMessage().contains("129"), e.getMessage());
        rejects(IllegalArgumentException.class, "requestId", () -> RequestId.of("x".repeat(10_000)));
        // 128 characters are fine, and a supplementary character counts as two
        assertEquals(max, economy.purchase(RequestId.of(max), UserId.of(max), "coins-65", US).requestId().value());
        String emoji = "\uD83D\uDE00".repeat(64);
        assertEquals(emoji, economy.purchase(RequestId.of(emoji), viewer, "coins-65", US).requestId().value());
        assertEquals(emoji, economy.purchase(RequestId.of(emoji), viewer, "coins-65", US).requestId().value());
        rejects(IllegalArgumentException.class, "requestId", () -> RequestId.of(emoji + "x"));
        idStaysUsable();
    }
}
