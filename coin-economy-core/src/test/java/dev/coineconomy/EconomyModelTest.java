package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Model-based test: long random sequences of purchases, gifts and withdrawals, valid and invalid mixed,
 * applied both to the real {@link CoinEconomy} and to a tiny, independent reference model written here
 * (plain maps, {@link BigInteger}/{@link BigDecimal} arithmetic, its own exact carry, whole-cent rule and
 * daily limits; nothing of {@code dev.coineconomy.internal} is used). After every command the receipt or
 * rejection code, the touched wallets and the journal size must agree; at the end every wallet, the whole
 * journal and the trial balance must agree.
 *
 * <p>Each run is a seeded loop; a failure names the run, the seed and the step. Replay one seed with
 * {@code -Deconomy.model.seed=<seed>} (applies to every run) and change the length with
 * {@code -Deconomy.model.steps=<n>}.
 */
class EconomyModelTest {

    private static final int DEFAULT_STEPS = 12_000;
    private static final Instant START = Instant.parse("2026-03-06T21:17:00Z"); // spans DST changes

    // ---- runs --------------------------------------------------------------------------------

    /** One run's configuration: everything the economy and the model are built from. */
    record Run(String name, long seed, boolean referenceCatalog, long ratioNum, long ratioDen,
               String currency, String amountPer, long perDiamonds, String minimum, String dailyLimit,
               String zone) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                new Run("ratio 1/1, USD 0.005, Los Angeles days", 0x5EED_0001L, false, 1, 1,
                        "USD", "1.00", 200, "1.00", "20.00", "America/Los_Angeles"),
                new Run("ratio 1/2, reference catalog, Kolkata days", 0x5EED_0002L, true, 1, 2,
                        "USD", "1.00", 200, "2.00", "15.00", "Asia/Kolkata"),
                new Run("ratio 2/3, USD 1.00 per 300, Chatham days", 0x5EED_0003L, false, 2, 3,
                        "USD", "1.00", 300, "0.50", "10.00", "Pacific/Chatham"),
                new Run("ratio 7/10, JPY 0.75, Lord Howe days", 0x5EED_0004L, false, 7, 10,
                        "JPY", "75", 100, "100", "2000", "Australia/Lord_Howe"),
                new Run("ratio 7/10, minimum = limit, New York days", 0x5EED_0005L, true, 7, 10,
                        "USD", "1.00", 200, "5.00", "5.00", "America/New_York"),
                new Run("ratio 3/1, USD 0.07 per 10, Kathmandu days", 0x5EED_0006L, false, 3, 1,
                        "USD", "0.07", 10, "3.50", "42.00", "Asia/Kathmandu"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void realEconomyAgreesWithTheModel(Run run) {
        long seed = Long.getLong("economy.model.seed", run.seed());
        int steps = Integer.getInteger("economy.model.steps", DEFAULT_STEPS);
        new Driver(run, seed, steps).run();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** A command as the host would send it; record equality is "the same command". */
    sealed interface Cmd permits Buy, Give, Withdraw {
        String id();

        /** @return the same command under another request id */
        Cmd withId(String id);
    }

    record Buy(String id, String user, String pack, String region, Channel channel) implements Cmd {
        public Cmd withId(String other) {
            return new Buy(other, user, pack, region, channel);
        }
    }

    record Give(String id, String sender, String creator, String gift, long quantity) implements Cmd {
        public Cmd withId(String other) {
            return new Give(other, sender, creator, gift, quantity);
        }
    }

    record Withdraw(String id, String creator, long diamonds) implements Cmd {
        public Cmd withId(String other) {
            return new Withdraw(other, creator, diamonds);
        }
    }

    /** What the model expects: an accepted command's receipt fields, or a rejection. */
    sealed interface Outcome permits Accepted, Rejected, BadArgument {
    }

    /** Expected receipt numbers; {@code a} and {@code b} mean coins/price, coins/diamonds, diamonds/payout. */
    record Accepted(long sequence, BigInteger a, BigDecimal b, boolean retry) implements Outcome {
    }

    record Rejected(RejectionCode code, Map<String, Object> values) implements Outcome {
    }

    /** {@code quantity × price} does not fit in a long: an IllegalArgumentException, nothing changes. */
    record BadArgument() implements Outcome {
    }

    // ---- the reference model -----------------------------------------------------------------

    /** The catalog as plain data, read independently of the library's catalog code. */
    static final class ModelCatalog {
        final Map<String, Long> packCoins = new LinkedHashMap<>();
        /** "pack|region|channel" → "CUR amount". */
        final Map<String, String[]> prices = new LinkedHashMap<>();
        final Map<String, Long> giftPrices = new LinkedHashMap<>();

        void price(String pack, long coins, String region, Channel channel, String currency, String amount) {
            packCoins.put(pack, coins);
            prices.put(pack + "|" + region + "|" + channel, new String[] {currency, amount});
        }

        Catalog toCatalog(String version) {
            Catalog.Builder b = Catalog.builder().version(version);
            Map<String, CoinPack.Builder> builders = new LinkedHashMap<>();
            packCoins.forEach((id, coins) -> builders.put(id, CoinPack.builder(id, coins)));
            prices.forEach((key, price) -> {
                String[] k = key.split("\\|");
                builders.get(k[0]).price(Region.of(k[1]), Channel.valueOf(k[2]), Money.of(price[0], price[1]));
            });
            builders.values().forEach(pb -> b.pack(pb.build()));
            giftPrices.forEach((id, coins) -> b.gift(id, id.toUpperCase(Locale.ROOT), coins));
            return b.build();
        }

        static ModelCatalog custom() {
            ModelCatalog c = new ModelCatalog();
            c.price("p-10", 10, "US", Channel.APP, "USD", "0.15");
            c.price("p-10", 10, "US", Channel.WEB, "USD", "0.11");
            c.price("p-10", 10, "GB", Channel.APP, "GBP", "0.13");
            c.price("p-333", 333, "US", Channel.APP, "USD", "4.99");
            c.price("p-1000", 1000, "US", Channel.APP, "USD", "14.99");
            c.price("p-1000", 1000, "US", Channel.WEB, "USD", "10.99");
            c.price("p-1000", 1000, "JP", Channel.APP, "JPY", "1600");
            c.price("p-7", 7, "GB", Channel.WEB, "GBP", "0.10");
            c.price("p-4321", 4321, "US", Channel.APP, "USD", "64.99");
            c.price("p-4321", 4321, "GB", Channel.WEB, "GBP", "49.00");
            c.giftPrices.put("g-1", 1L);
            c.giftPrices.put("g-3", 3L);
            c.giftPrices.put("g-7", 7L);
            c.giftPrices.put("g-50", 50L);
            c.giftPrices.put("g-99", 99L);
            c.giftPrices.put("g-1000", 1000L);
            c.giftPrices.put("g-4999", 4999L);
            return c;
        }

        /** Parses the reference CSVs itself (comment lines start with '#', first other line is a header). */
        static ModelCatalog reference() {
            ModelCatalog c = new ModelCatalog();
            for (String[] row : csv("/dev/coineconomy/reference/coin-packs.csv")) {
                c.price(row[0], Long.parseLong(row[1]), row[2], Channel.valueOf(row[3]), row[4], row[5]);
            }
            for (String[] row : csv("/dev/coineconomy/reference/gifts.csv")) {
                c.giftPrices.put(row[0], Long.parseLong(row[2]));
            }
            return c;
        }

        private static List<String[]> csv(String resource) {
            List<String[]> rows = new ArrayList<>();
            try (InputStream in = Objects.requireNonNull(EconomyModelTest.class.getResourceAsStream(resource), resource);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = true;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    rows.add(line.split(",", -1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }

    /** The reference model: plain maps and exact big-number arithmetic. */
    static final class Model {
        final ModelCatalog catalog;
        final BigInteger rNum;
        final BigInteger rDen;
        final String payoutCurrency;
        final int digits;
        /** Cash value of {@code per} diamonds, in minor units. */
        final BigInteger amountMinor;
        final BigInteger per;
        final BigDecimal minimum;
        final BigDecimal limit;
        final ZoneId zone;

        final Map<String, BigInteger> coins = new TreeMap<>();
        final Map<String, BigInteger> diamonds = new TreeMap<>();
        final Map<String, BigInteger> received = new TreeMap<>();
        final Map<String, BigDecimal> withdrawnByUserDay = new HashMap<>();
        final Map<String, Cmd> accepted = new HashMap<>();
        final Map<String, Integer> entriesPerUser = new TreeMap<>();
        long journal;
        BigInteger coinsIssued = BigInteger.ZERO;
        BigInteger coinsSpent = BigInteger.ZERO;
        BigInteger diamondsIssued = BigInteger.ZERO;
        BigInteger diamondsRedeemed = BigInteger.ZERO;
        final Map<String, BigDecimal> sales = new TreeMap<>();
        BigDecimal payouts = BigDecimal.ZERO;
        /** Diamonds of pending payouts (withdrawals are never settled in this test). */
        final Map<String, BigInteger> inPayout = new TreeMap<>();
        /** Diamonds each creator earned in total. */
        final Map<String, BigInteger> earned = new TreeMap<>();
        /** Per user, the lots oldest first: {coins, used, net minor units} and the currency. */
        final Map<String, List<BigInteger[]>> lots = new TreeMap<>();
        final Map<String, List<String>> lotCurrencies = new TreeMap<>();
        /** Per currency, minor units: store fees, tax, recognized revenue. */
        final Map<String, BigInteger> fees = new TreeMap<>();
        final Map<String, BigInteger> taxes = new TreeMap<>();
        final Map<String, BigInteger> recognized = new TreeMap<>();
        /** Creator payable booked, minor units of the payout currency. */
        BigInteger payable = BigInteger.ZERO;

        Model(ModelCatalog catalog, Run run) {
            this.catalog = catalog;
            this.rNum = BigInteger.valueOf(run.ratioNum());
            this.rDen = BigInteger.valueOf(run.ratioDen());
            this.payoutCurrency = run.currency();
            this.digits = Currency.getInstance(run.currency()).getDefaultFractionDigits();
            this.amountMinor = new BigDecimal(run.amountPer()).movePointRight(digits).toBigIntegerExact();
            this.per = BigInteger.valueOf(run.perDiamonds());
            this.minimum = new BigDecimal(run.minimum());
            this.limit = new BigDecimal(run.dailyLimit());
            this.zone = ZoneId.of(run.zone());
        }

        static BigInteger get(Map<String, BigInteger> m, String user) {
            return m.getOrDefault(user, BigInteger.ZERO);
        }

        /** The smallest positive count of diamonds worth whole minor units. */
        BigInteger step() {
            return per.divide(per.gcd(amountMinor));
        }

        BigDecimal withdrawnOn(String user, LocalDate day) {
            return withdrawnByUserDay.getOrDefault(user + "@" + day, BigDecimal.ZERO);
        }

        /** What a command does at {@code now}; updates the model if it is accepted. */
        Outcome apply(Cmd cmd, Instant now) {
            Cmd previous = accepted.get(cmd.id());
            if (previous != null) {
                if (previous.equals(cmd)) {
                    return new Accepted(-1, null, null, true);
                }
                return new Rejected(RejectionCode.REQUEST_CONFLICT, Map.of());
            }
            Outcome o;
            if (cmd instanceof Buy b) {
                o = buy(b);
            } else if (cmd instanceof Give g) {
                o = give(g);
            } else {
                o = withdraw((Withdraw) cmd, now);
            }
            if (o instanceof Accepted) {
                accepted.put(cmd.id(), cmd);
            }
            return o;
        }

        private Outcome buy(Buy b) {
            Long packCoins = catalog.packCoins.get(b.pack());
            if (packCoins == null) {
                return new Rejected(RejectionCode.UNKNOWN_PACK, Map.of("packId", b.pack()));
            }
            String[] price = catalog.prices.get(b.pack() + "|" + b.region() + "|" + b.channel());
            if (price == null) {
                return new Rejected(RejectionCode.NOT_SOLD_IN_REGION, Map.of("packId", b.pack()));
            }
            BigInteger c = BigInteger.valueOf(packCoins);
            coins.merge(b.user(), c, BigInteger::add);
            // the reference finance policy, computed independently: GB prices contain 20% VAT (1/6 of the
            // gross, half-even), the APP store takes 30% of the price net of tax (half-even), WEB nothing
            BigInteger gross = new BigDecimal(price[1])
                    .movePointRight(Currency.getInstance(price[0]).getDefaultFractionDigits()).toBigIntegerExact();
            BigInteger tax = b.region().equals("GB") ? new BigDecimal(gross).divide(BigDecimal.valueOf(6), 0,
                    java.math.RoundingMode.HALF_EVEN).toBigIntegerExact() : BigInteger.ZERO;
            BigInteger fee = b.channel() == Channel.APP ? new BigDecimal(gross.subtract(tax))
                    .multiply(new BigDecimal("0.3")).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact()
                    : BigInteger.ZERO;
            fees.merge(price[0], fee, BigInteger::add);
            taxes.merge(price[0], tax, BigInteger::add);
            lots.computeIfAbsent(b.user(), k -> new ArrayList<>())
                    .add(new BigInteger[] {c, BigInteger.ZERO, gross.subtract(tax).subtract(fee)});
            lotCurrencies.computeIfAbsent(b.user(), k -> new ArrayList<>()).add(price[0]);
            coinsIssued = coinsIssued.add(c);
            sales.merge(price[0], new BigDecimal(price[1]), BigDecimal::add);
            touch(b.user());
            return new Accepted(++journal, c, new BigDecimal(price[1]), false);
        }

        private Outcome give(Give g) {
            Long price = catalog.giftPrices.get(g.gift());
            if (price == null) {
                return new Rejected(RejectionCode.UNKNOWN_GIFT, Map.of("giftId", g.gift()));
            }
            if (g.sender().equals(g.creator())) {
                return new Rejected(RejectionCode.SELF_GIFT, Map.of());
            }
            BigInteger cost = BigInteger.valueOf(price).multiply(BigInteger.valueOf(g.quantity()));
            if (cost.bitLength() > 63) {
                return new BadArgument();
            }
            BigInteger have = get(coins, g.sender());
            if (have.compareTo(cost) < 0) {
                return new Rejected(RejectionCode.INSUFFICIENT_COINS,
                        Map.of("needed", Coins.of(cost.longValueExact()), "available", Coins.of(have.longValueExact())));
            }
            BigInteger before = get(received, g.creator());
            BigInteger after = before.add(cost);
            // exact carry, computed from the running total: floor(after·r) − floor(before·r)
            BigInteger credit = after.multiply(rNum).divide(rDen).subtract(before.multiply(rNum).divide(rDen));
            coins.put(g.sender(), have.subtract(cost));
            // FIFO over the sender's lots; lot i has recognized floor(net × used / coins) so far
            BigInteger left = cost;
            List<BigInteger[]> own = lots.getOrDefault(g.sender(), List.of());
            for (int i = 0; i < own.size() && left.signum() > 0; i++) {
                BigInteger[] lot = own.get(i);
                BigInteger take = left.min(lot[0].subtract(lot[1]));
                if (take.signum() == 0) {
                    continue;
                }
                BigInteger was = lot[2].multiply(lot[1]).divide(lot[0]);
                lot[1] = lot[1].add(take);
                BigInteger now = lot[2].multiply(lot[1]).divide(lot[0]);
                recognized.merge(lotCurrencies.get(g.sender()).get(i), now.subtract(was), BigInteger::add);
                left = left.subtract(take);
            }
            // creator payable: floor(E·v) − floor(E_before·v) on the creator's diamonds earned
            BigInteger e0 = get(earned, g.creator());
            BigInteger e1 = e0.add(credit);
            earned.put(g.creator(), e1);
            payable = payable.add(e1.multiply(amountMinor).divide(per).subtract(e0.multiply(amountMinor).divide(per)));
            received.put(g.creator(), after);
            diamonds.merge(g.creator(), credit, BigInteger::add);
            coinsSpent = coinsSpent.add(cost);
            diamondsIssued = diamondsIssued.add(credit);
            touch(g.sender());
            touch(g.creator());
            return new Accepted(++journal, cost, new BigDecimal(credit), false);
        }

        private Outcome withdraw(Withdraw w, Instant now) {
            BigInteger d = BigInteger.valueOf(w.diamonds());
            BigInteger[] qr = d.multiply(amountMinor).divideAndRemainder(per);
            if (qr[1].signum() != 0) {
                BigInteger step = step();
                BigInteger below = d.subtract(d.mod(step));
                return new Rejected(RejectionCode.NOT_WHOLE_CENTS, Map.of(
                        "payableBelow", Diamonds.of(below.longValueExact()),
                        "payableAbove", Diamonds.of(below.add(step).longValueExact())));
            }
            BigDecimal payout = new BigDecimal(qr[0], digits);
            if (payout.compareTo(minimum) < 0) {
                return new Rejected(RejectionCode.BELOW_MINIMUM_WITHDRAWAL, Map.of());
            }
            BigInteger held = get(diamonds, w.creator());
            if (held.compareTo(d) < 0) {
                return new Rejected(RejectionCode.INSUFFICIENT_DIAMONDS,
                        Map.of("available", Diamonds.of(held.longValueExact())));
            }
            LocalDate day = now.atZone(zone).toLocalDate();
            BigDecimal today = withdrawnOn(w.creator(), day);
            if (today.add(payout).compareTo(limit) > 0) {
                BigDecimal remaining = limit.subtract(today).max(BigDecimal.ZERO);
                return new Rejected(RejectionCode.DAILY_WITHDRAWAL_LIMIT, Map.of(
                        "remaining", Money.of(Currency.getInstance(payoutCurrency), remaining),
                        "day", day));
            }
            diamonds.put(w.creator(), held.subtract(d));
            inPayout.merge(w.creator(), d, BigInteger::add);
            withdrawnByUserDay.put(w.creator() + "@" + day, today.add(payout));
            payouts = payouts.add(payout);
            touch(w.creator());
            return new Accepted(++journal, d, payout, false);
        }

        private void touch(String user) {
            entriesPerUser.merge(user, 1, Integer::sum);
        }

        /** The balance the trial balance must show for an account and unit. */
        long expectedBalance(AccountRef ref, Unit unit) {
            String owner = ref.ownerId().map(UserId::value).orElse(null);
            BigInteger v;
            switch (ref.type()) {
                case USER_COINS:
                    v = unit.equals(Unit.COINS) ? get(coins, owner) : BigInteger.ZERO;
                    break;
                case USER_DIAMONDS:
                    v = unit.equals(Unit.DIAMONDS) ? get(diamonds, owner) : BigInteger.ZERO;
                    break;
                case USER_DIAMONDS_IN_PAYOUT:
                    v = unit.equals(Unit.DIAMONDS) ? get(inPayout, owner) : BigInteger.ZERO;
                    break;
                case COIN_ISSUANCE:
                    v = unit.equals(Unit.COINS) ? coinsIssued.negate() : BigInteger.ZERO;
                    break;
                case COINS_SPENT:
                    v = unit.equals(Unit.COINS) ? coinsSpent : BigInteger.ZERO;
                    break;
                case DIAMOND_ISSUANCE:
                    v = unit.equals(Unit.DIAMONDS) ? diamondsIssued.negate() : BigInteger.ZERO;
                    break;
                case DIAMONDS_REDEEMED:
                    v = unit.equals(Unit.DIAMONDS) ? diamondsRedeemed : BigInteger.ZERO;
                    break;
                case GROSS_SALES:
                    v = minor(unit, sales.getOrDefault(unit.code(), BigDecimal.ZERO)).negate();
                    break;
                case STORE_FEES:
                    v = fees.getOrDefault(unit.code(), BigInteger.ZERO);
                    break;
                case TAX_PAYABLE:
                    v = taxes.getOrDefault(unit.code(), BigInteger.ZERO);
                    break;
                case RECOGNIZED_REVENUE:
                    v = recognized.getOrDefault(unit.code(), BigInteger.ZERO);
                    break;
                case DEFERRED_REVENUE:
                    v = BigInteger.ZERO;
                    for (Map.Entry<String, List<BigInteger[]>> e : lots.entrySet()) {
                        List<String> curs = lotCurrencies.get(e.getKey());
                        for (int i = 0; i < e.getValue().size(); i++) {
                            if (curs.get(i).equals(unit.code())) {
                                BigInteger[] lot = e.getValue().get(i);
                                v = v.add(lot[2].subtract(lot[2].multiply(lot[1]).divide(lot[0])));
                            }
                        }
                    }
                    break;
                case CREATOR_PAYABLE:
                    v = unit.code().equals(payoutCurrency) ? payable : BigInteger.ZERO;
                    break;
                case CREATOR_COST:
                    v = unit.code().equals(payoutCurrency) ? payable.negate() : BigInteger.ZERO;
                    break;
                default: // PLATFORM_CASH (unused by the finance chart), payouts paid and redeemed diamonds (no
                    // payout is settled here), refunds, chargebacks, grants, holds: nothing posts to them
                    v = BigInteger.ZERO;
                    break;
            }
            return v.longValueExact();
        }

        private static BigInteger minor(Unit unit, BigDecimal amount) {
            if (!unit.isMoney()) {
                return BigInteger.ZERO;
            }
            int scale = Currency.getInstance(unit.code()).getDefaultFractionDigits();
            return amount.movePointRight(scale).toBigIntegerExact();
        }
    }

    // ---- the driver --------------------------------------------------------------------------

    /** Generates one run's commands, applies them to both sides and compares. */
    static final class Driver {
        private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
        private static final String[] REGIONS = {"US", "GB", "JP", "FR"};

        private final Run run;
        private final long seed;
        private final int steps;
        private final SplittableRandom rnd;
        private final ModelCatalog modelCatalog;
        private final Model model;
        private final MutableClock clock = new MutableClock(START);
        private final CoinEconomy economy;
        private final Currency payoutCurrency;
        private final List<String> acceptedIds = new ArrayList<>();
        private final List<String> rejectedIds = new ArrayList<>();
        private final Map<String, Receipt> receipts = new HashMap<>();
        private final List<Receipt> inOrder = new ArrayList<>();
        private final Map<String, Integer> outcomes = new TreeMap<>();
        private final Set<LocalDate> withdrawalDays = new LinkedHashSet<>();
        private final List<String> packIds;
        private final List<String> priceKeys;
        private final List<String> giftIds;
        private int nextId;

        Driver(Run run, long seed, int steps) {
            this.run = run;
            this.seed = seed;
            this.steps = steps;
            this.rnd = new SplittableRandom(seed);
            this.modelCatalog = run.referenceCatalog() ? ModelCatalog.reference() : ModelCatalog.custom();
            this.model = new Model(modelCatalog, run);
            this.payoutCurrency = Currency.getInstance(run.currency());
            Catalog catalog = run.referenceCatalog() ? Catalog.reference() : modelCatalog.toCatalog("model-catalog-1");
            EconomyPolicy policy = EconomyPolicy.reference()
                    .withVersion("model-" + run.ratioNum() + "-" + run.ratioDen())
                    .withDiamondsPerCoin(Ratio.of(run.ratioNum(), run.ratioDen()))
                    .withPayout(new PayoutPolicy(
                            DiamondValue.of(Money.of(run.currency(), run.amountPer()), run.perDiamonds()),
                            Money.of(run.currency(), run.minimum()), Money.of(run.currency(), run.dailyLimit()),
                            ZoneId.of(run.zone())));
            this.economy = CoinEconomy.builder().catalog(catalog).policy(policy).clock(clock).build();
            this.packIds = new ArrayList<>(modelCatalog.packCoins.keySet());
            this.priceKeys = new ArrayList<>(modelCatalog.prices.keySet());
            this.giftIds = new ArrayList<>(modelCatalog.giftPrices.keySet());
        }

        void run() {
            for (int step = 0; step < steps; step++) {
                advanceClock();
                Cmd cmd = next();
                try {
                    check(cmd);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "run '%s' seed %d (replay: -Deconomy.model.seed=%d) failed at step %d, %s, command %s: %s",
                            run.name(), seed, seed, step, clock.instant(), cmd, e.getMessage()), e);
                }
            }
            try {
                checkFinal();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "run '%s' seed %d (replay: -Deconomy.model.seed=%d) failed the final check: %s",
                        run.name(), seed, seed, e.getMessage()), e);
            }
        }

        private void advanceClock() {
            int p = rnd.nextInt(100);
            long seconds;
            if (p < 70) {
                seconds = rnd.nextLong(0, 120);
            } else if (p < 95) {
                seconds = rnd.nextLong(60, 1800);
            } else {
                seconds = rnd.nextLong(3600, 9 * 3600);
            }
            clock.advance(Duration.ofSeconds(seconds).plusMillis(rnd.nextInt(1000)));
        }

        // ---- generation ----------------------------------------------------------------------

        private String user() {
            return USERS[rnd.nextInt(USERS.length)];
        }

        private String freshId() {
            int p = rnd.nextInt(100);
            if (p < 4 && !rejectedIds.isEmpty()) {
                // a rejected command's id stays free: use it for a new command
                return rejectedIds.remove(rnd.nextInt(rejectedIds.size()));
            }
            return "req-" + (nextId++);
        }

        private Cmd next() {
            int p = rnd.nextInt(100);
            if (p < 5 && !acceptedIds.isEmpty()) {
                // retry of an accepted command, same id and same command
                return model.accepted.get(acceptedIds.get(rnd.nextInt(acceptedIds.size())));
            }
            if (p < 10 && !acceptedIds.isEmpty()) {
                // an accepted command's id reused for a (usually) different command
                String id = acceptedIds.get(rnd.nextInt(acceptedIds.size()));
                Cmd other = rnd.nextBoolean() ? fresh() : model.accepted.get(id);
                if (other.equals(model.accepted.get(id)) || rnd.nextInt(3) == 0) {
                    other = tweak(model.accepted.get(id));
                }
                return other.withId(id);
            }
            return fresh();
        }

        /** The same kind of command with one field changed. */
        private Cmd tweak(Cmd c) {
            if (c instanceof Buy b) {
                return rnd.nextBoolean() ? new Buy(b.id(), b.user(), b.pack(), b.region(),
                        b.channel() == Channel.APP ? Channel.WEB : Channel.APP)
                        : new Buy(b.id(), b.user().equals("alice") ? "bob" : "alice", b.pack(), b.region(), b.channel());
            }
            if (c instanceof Give g) {
                return new Give(g.id(), g.sender(), g.creator(), g.gift(), g.quantity() + 1);
            }
            Withdraw w = (Withdraw) c;
            return new Withdraw(w.id(), w.creator(), w.diamonds() + model.step().longValueExact());
        }

        private Cmd fresh() {
            int p = rnd.nextInt(100);
            if (p < 30) {
                return buy();
            }
            if (p < 75) {
                return give();
            }
            return withdraw();
        }

        private Cmd buy() {
            String id = freshId();
            String user = user();
            int p = rnd.nextInt(100);
            if (p < 5) {
                return new Buy(id, user, "no-such-pack-" + rnd.nextInt(3), REGIONS[rnd.nextInt(REGIONS.length)], Channel.APP);
            }
            if (p < 17) {
                String pack = packIds.get(rnd.nextInt(packIds.size()));
                return new Buy(id, user, pack, REGIONS[rnd.nextInt(REGIONS.length)],
                        rnd.nextBoolean() ? Channel.APP : Channel.WEB);
            }
            String[] k = priceKeys.get(rnd.nextInt(priceKeys.size())).split("\\|");
            return new Buy(id, user, k[0], k[1], Channel.valueOf(k[2]));
        }

        private Cmd give() {
            String id = freshId();
            String sender = user();
            String creator = user();
            int p = rnd.nextInt(100);
            if (p < 4) {
                return new Give(id, sender, creator, "no-such-gift", 1 + rnd.nextInt(3));
            }
            String gift = giftIds.get(rnd.nextInt(giftIds.size()));
            long price = modelCatalog.giftPrices.get(gift);
            long have = Model.get(model.coins, sender).longValueExact();
            long quantity;
            if (p < 5 && price > 1) {
                quantity = Long.MAX_VALUE / price + 1 + rnd.nextInt(10); // quantity × price overflows
            } else if (p < 20) {
                // exactly affordable, or one more than affordable
                quantity = Math.max(1, have / price + (rnd.nextBoolean() ? 0 : 1));
            } else if (p < 30) {
                quantity = 1 + rnd.nextLong(0, 1_000_000);
            } else {
                quantity = 1 + rnd.nextInt(price >= 1000 ? 2 : 12);
            }
            return new Give(id, sender, creator, gift, quantity);
        }

        private Cmd withdraw() {
            String id = freshId();
            // prefer creators who hold diamonds
            String creator = user();
            for (int i = 0; i < 3 && Model.get(model.diamonds, creator).signum() == 0; i++) {
                creator = user();
            }
            long step = model.step().longValueExact();
            long held = Model.get(model.diamonds, creator).longValueExact();
            // diamonds worth the minimum, rounded up to a step
            long minDiamonds = diamondsFor(model.minimum, step);
            LocalDate day = clock.instant().atZone(model.zone).toLocalDate();
            BigDecimal remainingToday = model.limit.subtract(model.withdrawnOn(creator, day));
            long remainingDiamonds = remainingToday.signum() <= 0 ? 0 : diamondsForFloor(remainingToday, step);
            long d;
            switch (rnd.nextInt(10)) {
                case 0: // not a whole number of cents (when the step allows it)
                    d = rnd.nextLong(0, held / step + 2) * step + (step > 1 ? 1 + rnd.nextLong(0, step - 1) : 1);
                    break;
                case 1: // below the minimum, or just at it
                    d = Math.max(step, minDiamonds - step * rnd.nextInt(2));
                    break;
                case 2: // everything held, rounded down to a step
                    d = Math.max(step, held - held % step);
                    break;
                case 3: // exactly what is left of today's limit, or a step more
                    d = Math.max(step, remainingDiamonds + step * rnd.nextInt(2));
                    break;
                case 4: // more than held
                    d = held - held % step + step * (1 + rnd.nextInt(3));
                    break;
                default: // a random payable amount between the minimum and what is held
                    long lo = Math.max(minDiamonds, step);
                    long hi = Math.max(lo, Math.min(held, remainingDiamonds));
                    long k = rnd.nextLong(lo / step, hi / step + 1);
                    d = Math.max(step, k * step);
                    break;
            }
            return new Withdraw(id, creator, d);
        }

        /** The least multiple of step worth at least {@code value}. */
        private long diamondsFor(BigDecimal value, long step) {
            BigInteger minor = value.movePointRight(model.digits).toBigIntegerExact();
            BigInteger[] qr = minor.multiply(model.per).divideAndRemainder(model.amountMinor);
            BigInteger d = qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
            BigInteger s = BigInteger.valueOf(step);
            BigInteger[] q2 = d.divideAndRemainder(s);
            return (q2[1].signum() == 0 ? d : q2[0].add(BigInteger.ONE).multiply(s)).longValueExact();
        }

        /** The largest multiple of step worth at most {@code value}. */
        private long diamondsForFloor(BigDecimal value, long step) {
            BigInteger minor = value.movePointRight(model.digits).toBigIntegerExact();
            BigInteger d = minor.multiply(model.per).divide(model.amountMinor);
            BigInteger s = BigInteger.valueOf(step);
            return d.subtract(d.mod(s)).longValueExact();
        }

        // ---- checking ------------------------------------------------------------------------

        private void check(Cmd cmd) {
            long journalBefore = economy.journalSize();
            assertEquals(model.journal, journalBefore, "journal size before the command");
            Outcome expected = model.apply(cmd, clock.instant());
            Receipt actual = null;
            RuntimeException thrown = null;
            try {
                actual = execute(cmd);
            } catch (EconomyException | IllegalArgumentException e) {
                thrown = e;
            }
            count(cmd, expected);
            if (expected instanceof Accepted a) {
                if (thrown != null) {
                    fail("expected acceptance, got " + thrown, thrown);
                }
                if (a.retry()) {
                    assertEquals(receipts.get(cmd.id()), actual, "a retry returns the original receipt");
                    assertEquals(journalBefore, economy.journalSize(), "a retry appends nothing");
                } else {
                    checkReceipt(cmd, a, actual);
                    receipts.put(cmd.id(), actual);
                    inOrder.add(actual);
                    acceptedIds.add(cmd.id());
                    assertEquals(journalBefore + 1, economy.journalSize(), "an accepted command appends one entry");
                    assertEquals(actual, economy.entry(RequestId.of(cmd.id())).orElseThrow().receipt(),
                            "the entry of the request id");
                }
            } else {
                if (thrown == null) {
                    fail("expected " + expected + ", got the receipt " + actual);
                }
                RuntimeException t = thrown;
                if (expected instanceof BadArgument) {
                    assertTrue(t instanceof IllegalArgumentException, () -> "expected IAE, got " + t);
                } else {
                    Rejected r = (Rejected) expected;
                    assertTrue(t instanceof EconomyException, () -> "expected a rejection, got " + t);
                    EconomyException e = (EconomyException) t;
                    assertEquals(r.code(), e.code(), () -> "rejection code; message: " + e.getMessage());
                    r.values().forEach((name, value) ->
                            assertEquals(value, e.value(name), () -> "value '" + name + "' of " + e.getMessage()));
                }
                assertEquals(journalBefore, economy.journalSize(), "a rejected command appends nothing");
                Receipt original = receipts.get(cmd.id());
                if (original == null) {
                    assertTrue(economy.entry(RequestId.of(cmd.id())).isEmpty(), "a rejected id stays free");
                    if (!rejectedIds.contains(cmd.id())) {
                        rejectedIds.add(cmd.id());
                    }
                } else {
                    assertEquals(original, economy.entry(RequestId.of(cmd.id())).orElseThrow().receipt(),
                            "a conflicting command leaves the original entry");
                }
            }
            checkWallets(touched(cmd));
            if (cmd instanceof Withdraw w) {
                LocalDate day = clock.instant().atZone(model.zone).toLocalDate();
                assertEquals(Money.of(payoutCurrency, model.limit.subtract(model.withdrawnOn(w.creator(), day))),
                        economy.remainingWithdrawalToday(UserId.of(w.creator())), "remaining withdrawal today");
            }
        }

        private Receipt execute(Cmd cmd) {
            RequestId id = RequestId.of(cmd.id());
            if (cmd instanceof Buy b) {
                if (b.channel() == Channel.APP && rnd.nextBoolean()) {
                    return economy.purchase(id, UserId.of(b.user()), b.pack(), Region.of(b.region()));
                }
                return economy.purchase(id, UserId.of(b.user()), b.pack(), Region.of(b.region()), b.channel());
            }
            if (cmd instanceof Give g) {
                return economy.sendGift(id, UserId.of(g.sender()), UserId.of(g.creator()), g.gift(), g.quantity());
            }
            Withdraw w = (Withdraw) cmd;
            return economy.withdraw(id, UserId.of(w.creator()), Diamonds.of(w.diamonds()));
        }

        private void checkReceipt(Cmd cmd, Accepted a, Receipt actual) {
            assertEquals(cmd.id(), actual.requestId().value(), "request id");
            assertEquals(a.sequence(), actual.sequence(), "sequence");
            assertEquals(clock.instant(), actual.instant(), "instant");
            assertEquals(economy.policy().version(), actual.policyVersion(), "policy version");
            assertEquals(economy.catalog().version(), actual.catalogVersion(), "catalog version");
            if (cmd instanceof Buy b) {
                PurchaseReceipt p = (PurchaseReceipt) actual;
                String[] price = modelCatalog.prices.get(b.pack() + "|" + b.region() + "|" + b.channel());
                assertEquals(UserId.of(b.user()), p.user(), "buyer");
                assertEquals(b.pack(), p.packId(), "pack");
                assertEquals(Region.of(b.region()), p.region(), "region");
                assertEquals(b.channel(), p.channel(), "channel");
                assertEquals(Coins.of(a.a().longValueExact()), p.coins(), "coins credited");
                assertEquals(Money.of(price[0], a.b().toPlainString()), p.price(), "price");
            } else if (cmd instanceof Give g) {
                GiftReceipt r = (GiftReceipt) actual;
                assertEquals(UserId.of(g.sender()), r.sender(), "sender");
                assertEquals(UserId.of(g.creator()), r.creator(), "creator");
                assertEquals(g.gift(), r.giftId(), "gift");
                assertEquals(g.quantity(), r.quantity(), "quantity");
                assertEquals(Coins.of(a.a().longValueExact()), r.coinsSpent(), "coins spent");
                assertEquals(Diamonds.of(a.b().longValueExact()), r.diamondsCredited(), "diamonds credited");
            } else {
                Withdraw w = (Withdraw) cmd;
                WithdrawalReceipt r = (WithdrawalReceipt) actual;
                assertEquals(UserId.of(w.creator()), r.creator(), "creator");
                assertEquals(Diamonds.of(a.a().longValueExact()), r.diamondsDebited(), "diamonds debited");
                assertEquals(Money.of(payoutCurrency, a.b()), r.payout(), "payout");
                withdrawalDays.add(clock.instant().atZone(model.zone).toLocalDate());
            }
        }

        private static List<String> touched(Cmd cmd) {
            if (cmd instanceof Buy b) {
                return List.of(b.user());
            }
            if (cmd instanceof Give g) {
                return List.of(g.sender(), g.creator());
            }
            return List.of(((Withdraw) cmd).creator());
        }

        private void checkWallets(List<String> users) {
            for (String u : users) {
                Wallet w = economy.wallet(UserId.of(u));
                assertEquals(Model.get(model.coins, u).longValueExact(), w.coins().amount(), () -> "coins of " + u);
                assertEquals(Model.get(model.diamonds, u).longValueExact(), w.diamonds().amount(),
                        () -> "diamonds of " + u);
            }
        }

        private void count(Cmd cmd, Outcome expected) {
            String key;
            if (expected instanceof Accepted a) {
                key = a.retry() ? "RETRY" : "ACCEPTED_" + cmd.getClass().getSimpleName().toUpperCase(Locale.ROOT);
            } else if (expected instanceof Rejected r) {
                key = r.code().name();
            } else {
                key = "OVERFLOW";
            }
            outcomes.merge(key, 1, Integer::sum);
        }

        private void checkFinal() {
            checkWallets(List.of(USERS));
            assertEquals(model.journal, economy.journalSize(), "journal size");

            // the journal holds exactly the accepted receipts, in order
            List<JournalEntry> journal = economy.journal(1, Integer.MAX_VALUE);
            assertEquals(inOrder.size(), journal.size(), "journal entries");
            for (int i = 0; i < journal.size(); i++) {
                assertEquals(inOrder.get(i), journal.get(i).receipt(), "journal entry " + (i + 1));
            }
            for (String u : USERS) {
                assertEquals(model.entriesPerUser.getOrDefault(u, 0), economy.statement(UserId.of(u)).size(),
                        () -> "statement size of " + u);
            }

            // the trial balance, recomputed from the journal alone, equals the model's books
            TrialBalance tb = economy.trialBalance();
            assertEquals(model.journal, tb.entries(), "trial balance entries");
            Set<Unit> units = new LinkedHashSet<>(List.of(Unit.COINS, Unit.DIAMONDS, Unit.of(payoutCurrency)));
            model.sales.keySet().forEach(c -> units.add(new Unit(c)));
            tb.balances().forEach((ref, perUnit) -> perUnit.forEach((unit, amount) -> {
                assertEquals(model.expectedBalance(ref, unit), (long) amount, () -> "trial balance of " + ref + " in " + unit);
                units.add(unit);
            }));
            for (Unit unit : units) {
                assertEquals(0, tb.total(unit), () -> "total of " + unit);
                for (AccountType type : AccountType.values()) {
                    if (type.isUserAccount()) {
                        for (String u : USERS) {
                            AccountRef ref = AccountRef.user(type, UserId.of(u));
                            assertEquals(model.expectedBalance(ref, unit), tb.balance(ref, unit), () -> ref + " in " + unit);
                        }
                    } else {
                        AccountRef ref = AccountRef.platform(type);
                        assertEquals(model.expectedBalance(ref, unit), tb.balance(ref, unit), () -> ref + " in " + unit);
                    }
                }
            }

            // the model's own invariants: exact carry and cash exactness
            BigInteger held = BigInteger.ZERO;
            for (String u : USERS) {
                held = held.add(Model.get(model.diamonds, u));
            }
            BigInteger carried = BigInteger.ZERO;
            for (String u : USERS) {
                carried = carried.add(Model.get(model.received, u).multiply(model.rNum).divide(model.rDen));
            }
            BigInteger pending = BigInteger.ZERO;
            for (String u : USERS) {
                pending = pending.add(Model.get(model.inPayout, u));
            }
            assertEquals(carried, held.add(pending), "exact carry: diamonds = Σ floor(received × r)");
            assertEquals(0, pending.multiply(model.amountMinor)
                    .compareTo(model.payouts.movePointRight(model.digits).toBigIntegerExact().multiply(model.per)),
                    "cash exactness: pending payouts = value of the diamonds in payout");
            assertEquals(List.of(), economy.audit(), "audit");
            for (var r : economy.financeReport(START, clock.instant().plusSeconds(1))) {
                assertEquals(List.of(), r.violations(), () -> "report " + r);
            }

            // the run exercised every outcome it was meant to
            List<String> mustOccur = new ArrayList<>(List.of("ACCEPTED_BUY", "ACCEPTED_GIVE", "ACCEPTED_WITHDRAW", "RETRY", "REQUEST_CONFLICT", "UNKNOWN_PACK",
                    "NOT_SOLD_IN_REGION", "UNKNOWN_GIFT", "SELF_GIFT", "INSUFFICIENT_COINS", "OVERFLOW",
                    "BELOW_MINIMUM_WITHDRAWAL", "INSUFFICIENT_DIAMONDS", "DAILY_WITHDRAWAL_LIMIT"));
            if (model.step().compareTo(BigInteger.ONE) > 0) {
                mustOccur.add("NOT_WHOLE_CENTS");
            }
            for (String o : mustOccur) {
                assertTrue(outcomes.getOrDefault(o, 0) > 0, () -> "no " + o + " in " + outcomes);
            }
            assertTrue(outcomes.get("ACCEPTED_WITHDRAW") >= 100, () -> "withdrawals happened: " + outcomes);
            assertTrue(withdrawalDays.size() >= 5, () -> "withdrawals on several days: " + withdrawalDays);
            if (Boolean.getBoolean("economy.model.verbose")) {
                System.out.printf(Locale.ROOT, "%s seed %d: %s, %d withdrawal days, %d entries%n",
                        run.name(), seed, outcomes, withdrawalDays.size(), model.journal);
            }
        }
    }
}
