package dev.coineconomy;

import dev.coineconomy.PropertySupport.GiftCmd;
import dev.coineconomy.PropertySupport.Run;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.ConversionPolicy;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static dev.coineconomy.PropertySupport.catalog;
import static dev.coineconomy.PropertySupport.diamondValues;
import static dev.coineconomy.PropertySupport.policies;
import static dev.coineconomy.PropertySupport.props;
import static dev.coineconomy.PropertySupport.userDiamonds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Invariant "exact carry": with a coin → diamond ratio {@code r}, a creator who received {@code C} coins
 * in gifts holds exactly {@code floor(C × r)} diamonds from them (computed here with {@link BigInteger}),
 * whatever the number of senders and creators, the gifts, their quantities and their order; and the
 * per-gift {@code diamondsCredited} of the receipts add up to the same number.
 */
class ExactCarryProperties {

    /**
     * One gift of a random sequence.
     *
     * @param sender   index of the sender (s0..s7)
     * @param creator  index of the creator (c0..c2)
     * @param gift     index into the catalog's gifts
     * @param quantity how many
     */
    record GiftOp(int sender, int creator, int gift, long quantity) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "s%d->c%d g%d x%d", sender, creator, gift, quantity);
        }
    }

    static Gen<List<GiftOp>> giftSequences() {
        Gen<GiftOp> op = integers().between(0, 7).zip(integers().between(0, 2), integers().between(0, 5),
                Generate.oneOf(longs().between(1, 5), longs().between(1, 100)), GiftOp::new);
        return lists().of(op).ofSizeBetween(1, 80);
    }

    static Gen<List<Long>> giftPrices() {
        return lists().of(Generate.oneOf(longs().between(1, 10), longs().between(1, 50_000)))
                .ofSizeBetween(1, 6);
    }

    @Test
    void ratioOneToOne() {
        checkExactCarry(Generate.constant(Ratio.of(1, 1)));
    }

    @Test
    void ratioOneHalf() {
        checkExactCarry(Generate.constant(Ratio.of(1, 2)));
    }

    @Test
    void ratioTwoThirds() {
        checkExactCarry(Generate.constant(Ratio.of(2, 3)));
    }

    @Test
    void ratioSevenTenths() {
        checkExactCarry(Generate.constant(Ratio.of(7, 10)));
    }

    @Test
    void randomRatios() {
        Gen<Ratio> random = Generate.oneOf(
                longs().between(0, 50).zip(longs().between(1, 50), Ratio::of),
                longs().between(0, 1_000_000_007L).zip(longs().between(1, 1_000_000_007L), Ratio::of),
                longs().between(1, 1_000).zip(longs().between(1, 3), Ratio::of));
        checkExactCarry(random);
    }

    private static void checkExactCarry(Gen<Ratio> ratios) {
        Gen<EconomyPolicy> policies = policies(ratios, diamondValues(), 0);
        props(150).forAll(policies, giftPrices(), giftSequences(), longs().all())
                .checkAssert((policy, prices, gifts, shuffleSeed) -> {
                    Ratio r = policy.conversion().diamondsPerCoin();
                    Catalog catalog = catalog("carry-" + prices.size(), prices);
                    Map<UserId, BigInteger> coinsReceived = new LinkedHashMap<>();
                    Map<UserId, Long> credited = new LinkedHashMap<>();
                    Map<UserId, Long> inOrder = play(policy, catalog, gifts, coinsReceived, credited);
                    for (Map.Entry<UserId, BigInteger> e : coinsReceived.entrySet()) {
                        long expected = floor(e.getValue(), r);
                        assertEquals(expected, (long) inOrder.get(e.getKey()),
                                "diamonds of " + e.getKey() + " for " + e.getValue() + " coins at " + r);
                        assertEquals(expected, (long) credited.get(e.getKey()),
                                "sum of diamondsCredited of " + e.getKey());
                    }
                    // the order of the gifts does not matter
                    List<GiftOp> shuffled = new ArrayList<>(gifts);
                    Collections.shuffle(shuffled, new Random(shuffleSeed));
                    assertEquals(inOrder, play(policy, catalog, shuffled, new LinkedHashMap<>(), new LinkedHashMap<>()),
                            "a different order of the same gifts");
                });
    }

    /** Plays the gifts; returns each creator's diamonds (wallet, checked against the trial balance). */
    private static Map<UserId, Long> play(EconomyPolicy policy, Catalog catalog, List<GiftOp> gifts,
                                          Map<UserId, BigInteger> coinsReceived, Map<UserId, Long> credited) {
        Run run = new Run(policy, catalog);
        run.snapshots = false;
        for (GiftOp op : gifts) {
            UserId sender = UserId.of("s" + op.sender());
            UserId creator = UserId.of("c" + op.creator());
            dev.coineconomy.catalog.Gift gift = run.gifts.get(op.gift() % run.gifts.size());
            long cost = gift.price().amount() * op.quantity();
            run.ensureCoins(sender, cost);
            GiftReceipt g = (GiftReceipt) run.accept(new GiftCmd(sender, creator, gift.id(), op.quantity()));
            assertEquals(cost, g.coinsSpent().amount());
            coinsReceived.merge(creator, BigInteger.valueOf(cost), BigInteger::add);
            credited.merge(creator, g.diamondsCredited().amount(), Math::addExact);
        }
        Map<UserId, Long> out = new LinkedHashMap<>();
        var tb = run.economy.trialBalance();
        for (int c = 0; c < 3; c++) {
            UserId creator = UserId.of("c" + c);
            long held = run.economy.wallet(creator).diamonds().amount();
            assertEquals(held, tb.balance(userDiamonds(creator), dev.coineconomy.ledger.Unit.DIAMONDS));
            if (held != 0 || coinsReceived.containsKey(creator)) {
                out.put(creator, held);
            }
        }
        return out;
    }

    private static long floor(BigInteger coins, Ratio r) {
        return coins.multiply(BigInteger.valueOf(r.numerator())).divide(BigInteger.valueOf(r.denominator()))
                .longValueExact();
    }

    @Test
    void floorMultiplyIsTheExactFloorForAllLongs() {
        Gen<Long> anyNonNegative = Generate.oneOf(longs().between(0, Long.MAX_VALUE), longs().between(0, 1_000),
                longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE), longs().between(0, 1L << 32));
        Gen<Long> positive = Generate.oneOf(longs().between(1, Long.MAX_VALUE), longs().between(1, 1_000),
                longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE));
        props(5_000).forAll(anyNonNegative, anyNonNegative, positive).checkAssert((x, n, d) -> {
            Ratio r = Ratio.of(n, d);
            BigInteger exact = BigInteger.valueOf(x).multiply(BigInteger.valueOf(n)).divide(BigInteger.valueOf(d));
            if (exact.bitLength() < Long.SIZE) {
                assertEquals(exact.longValueExact(), r.floorMultiply(x), x + " x " + n + "/" + d);
            } else {
                assertThrows(ArithmeticException.class, () -> r.floorMultiply(x), x + " x " + n + "/" + d);
            }
            assertEquals(BigInteger.valueOf(x).multiply(BigInteger.valueOf(r.numerator()))
                            .mod(BigInteger.valueOf(r.denominator())).signum() == 0,
                    r.isWholeMultiple(x), "isWholeMultiple " + x + " x " + r);
        });
    }

    @Test
    void perGiftCreditsTelescopeToTheFloorOfTheTotal() {
        Gen<Ratio> ratios = Generate.oneOf(Generate.pick(PropertySupport.NAMED_RATIOS),
                longs().between(0, 1_000_000).zip(longs().between(1, 1_000_000), Ratio::of));
        props(1_000).forAll(ratios, lists().of(longs().between(0, 1_000_000_000L)).ofSizeBetween(1, 50))
                .checkAssert((r, coins) -> {
                    ConversionPolicy conversion = new ConversionPolicy(r);
                    long total = 0;
                    long diamonds = 0;
                    for (long c : coins) {
                        long d = conversion.diamondsFor(total, c);
                        assertEquals(true, d >= 0, "credit never negative");
                        diamonds += d;
                        total += c;
                    }
                    assertEquals(floor(BigInteger.valueOf(total), r), diamonds, coins + " at " + r);
                    assertEquals(Diamonds.of(diamonds).amount(), r.floorMultiply(total));
                });
    }
}
