package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Shared machinery of the {@code *Properties} classes: a test catalog, generators of policies and of
 * random command sequences, an interpreter that applies them to a {@link CoinEconomy} (recording every
 * step), and full state snapshots for "nothing changed" checks.
 */
final class PropertySupport {

    /** Fixed seed, so every run of the suite explores the same examples. */
    static final long SEED = 0x0C01_EC0_2026L;

    static final Region US = Region.of("US");
    static final Region GB = Region.of("GB");
    static final Region JP = Region.of("JP");
    static final Region FR = Region.of("FR");
    static final List<Region> REGIONS = List.of(US, GB, JP, FR);

    /** The user pool of random sequences: small, so that users meet (and sometimes gift themselves). */
    static final List<UserId> USERS = List.of(UserId.of("u0"), UserId.of("u1"), UserId.of("u2"),
            UserId.of("u3"), UserId.of("u4"));
    /** A user outside the pool who funds set-up gifts. */
    static final UserId RICH = UserId.of("rich");

    static final long HUGE_PACK_COINS = 1_000_000_000L;

    /**
     * A small catalog in several currencies: every pack is sold in US/APP, some elsewhere; FR sells
     * nothing. Gift ids are {@code gift-<price>}.
     */
    static final Catalog CATALOG = catalog("props-catalog-1", List.of(1L, 3L, 7L, 10L, 99L, 100L, 1000L, 29_999L));

    private PropertySupport() {
    }

    /** @return QuickTheories with the fixed seed and the given number of examples */
    static QuickTheory props(int examples) {
        return qt().withFixedSeed(SEED).withExamples(examples);
    }

    /** A catalog with the four test packs and one gift per price ({@code gift-<price>}). */
    static Catalog catalog(String version, List<Long> giftPrices) {
        Catalog.Builder b = Catalog.builder().version(version)
                .pack(CoinPack.builder("pack-small", 50)
                        .price(US, Channel.APP, Money.of("USD", "0.99"))
                        .price(GB, Channel.APP, Money.of("GBP", "0.89"))
                        .build())
                .pack(CoinPack.builder("pack-mid", 1_000)
                        .price(US, Channel.APP, Money.of("USD", "14.99"))
                        .price(US, Channel.WEB, Money.of("USD", "11.99"))
                        .price(JP, Channel.APP, Money.of("JPY", "2200"))
                        .build())
                .pack(CoinPack.builder("pack-big", 1_000_000)
                        .price(US, Channel.APP, Money.of("USD", "9999.99"))
                        .build())
                .pack(CoinPack.builder("pack-huge", HUGE_PACK_COINS)
                        .price(US, Channel.APP, Money.of("USD", "9999999.99"))
                        .price(JP, Channel.WEB, Money.of("JPY", "1000000000"))
                        .build());
        for (long price : new LinkedHashSet<>(giftPrices)) {
            b.gift("gift-" + price, "Gift " + price, price);
        }
        return b.build();
    }

    static List<String> packIds(Catalog catalog) {
        return catalog.packs().stream().map(CoinPack::id).sorted().toList();
    }

    static List<Gift> gifts(Catalog catalog) {
        return catalog.gifts().stream().sorted(Comparator.comparing(Gift::id)).toList();
    }

    // ---- generators ------------------------------------------------------------------------------

    static final List<Ratio> NAMED_RATIOS = List.of(Ratio.of(1, 1), Ratio.of(1, 2), Ratio.of(2, 3), Ratio.of(7, 10));

    /** Ratios: the named ones, small random fractions (zero included), and a few above 1. */
    static Gen<Ratio> ratios() {
        Gen<Ratio> named = Generate.pick(NAMED_RATIOS);
        Gen<Ratio> small = longs().between(0, 30).zip(longs().between(1, 30), Ratio::of);
        Gen<Ratio> wide = longs().between(0, 1_000_000).zip(longs().between(1, 1_000_000), Ratio::of);
        return Generate.oneOf(named, small, wide);
    }

    /** Positive ratios no smaller than 1/20 (so set-up gifts stay cheap). */
    static Gen<Ratio> positiveRatios() {
        return Generate.oneOf(Generate.pick(NAMED_RATIOS),
                longs().between(1, 30).zip(longs().between(1, 20), Ratio::of));
    }

    static final List<String> PAYOUT_CURRENCIES = List.of("USD", "EUR", "JPY", "GBP", "BHD");
    static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Asia/Tokyo"));

    /** Diamond values: {@code 1..500} minor units per {@code 1..1000} diamonds, in several currencies. */
    static Gen<DiamondValue> diamondValues() {
        return diamondValues(1_000);
    }

    /** Diamond values: {@code 1..500} minor units per {@code 1..maxPer} diamonds, in several currencies. */
    static Gen<DiamondValue> diamondValues(long maxPer) {
        return Generate.pick(PAYOUT_CURRENCIES).zip(longs().between(1, 500), longs().between(1, maxPer),
                (cur, minor, per) -> DiamondValue.of(Money.ofMinor(cur, minor), per));
    }

    /**
     * Policies whose minimum is {@code k ≥ minSteps} times the value of one payable step and whose daily
     * limit a further {@code 1..200} steps above it, so both bounds can be reached in short sequences.
     */
    static Gen<EconomyPolicy> policies(Gen<Ratio> ratios, Gen<DiamondValue> values, int minSteps) {
        return policies(ratios, values, minSteps, 20, 200);
    }

    /** Policies as above with the minimum between {@code minSteps} and {@code maxSteps} steps. */
    static Gen<EconomyPolicy> policies(Gen<Ratio> ratios, Gen<DiamondValue> values, int minSteps, int maxSteps,
                                       int maxLimitSteps) {
        return ratios.zip(values, integers().between(minSteps, maxSteps), integers().between(1, maxLimitSteps),
                (ratio, value, k, j) -> policy(ratio, value, k, j))
                .zip(Generate.pick(ZONES), integers().between(1, 999),
                        (p, zone, v) -> p.withWithdrawalDayZone(zone).withVersion("props-policy-" + v));
    }

    static EconomyPolicy policy(Ratio ratio, DiamondValue value, int minSteps, int limitSteps) {
        long stepValue = value.minorUnitsPerDiamond().numerator(); // minor units of one diamondStep()
        Money minimum = Money.ofMinor(value.currency(), stepValue * minSteps);
        Money limit = Money.ofMinor(value.currency(), stepValue * (minSteps + limitSteps));
        return EconomyPolicy.reference()
                .withDiamondsPerCoin(ratio)
                .withPayout(new PayoutPolicy(value, minimum, limit, ZoneOffset.UTC));
    }

    /** The kinds of random operation. */
    enum Kind { PURCHASE, GIFT, WITHDRAW, RETRY, CONFLICT, TICK }

    /**
     * One random operation, interpreted against the current state by {@link Run#apply(Op)}.
     *
     * @param kind what to do
     * @param a    first selector (user, or which earlier step)
     * @param b    second selector (pack, creator, mutation)
     * @param c    third selector (region × channel, gift, withdrawal mode)
     * @param n    an amount (gift quantity, raw diamonds, minutes)
     */
    record Op(Kind kind, int a, int b, int c, long n) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s(%d,%d,%d,%d)", kind, a, b, c, n);
        }
    }

    static final List<Kind> KIND_WEIGHTS = List.of(Kind.PURCHASE, Kind.PURCHASE, Kind.PURCHASE,
            Kind.GIFT, Kind.GIFT, Kind.GIFT, Kind.GIFT, Kind.WITHDRAW, Kind.WITHDRAW, Kind.WITHDRAW,
            Kind.RETRY, Kind.RETRY, Kind.CONFLICT, Kind.TICK);

    static Gen<Op> ops() {
        return Generate.pick(KIND_WEIGHTS).zip(integers().between(0, 99), integers().between(0, 99),
                integers().between(0, 99), longs().between(1, 1_000_000), Op::new);
    }

    /** Policies for random sequences: low minimum and daily limit, so that withdrawals hit both. */
    static Gen<EconomyPolicy> sequencePolicies() {
        return policies(ratios(), Generate.oneOf(diamondValues(), diamondValues(20)), 0, 3, 40);
    }

    static Gen<List<Op>> opSequences(int maxLength) {
        return lists().of(ops()).ofSizeBetween(1, maxLength);
    }

    // ---- commands --------------------------------------------------------------------------------

    /** A concrete command, re-runnable with any request id. */
    sealed interface Command permits PurchaseCmd, GiftCmd, WithdrawCmd {
        Receipt run(CoinEconomy economy, RequestId id);
    }

    record PurchaseCmd(UserId user, String packId, Region region, Channel channel) implements Command {
        @Override
        public Receipt run(CoinEconomy economy, RequestId id) {
            return economy.purchase(id, user, packId, region, channel);
        }
    }

    record GiftCmd(UserId sender, UserId creator, String giftId, long quantity) implements Command {
        @Override
        public Receipt run(CoinEconomy economy, RequestId id) {
            return economy.sendGift(id, sender, creator, giftId, quantity);
        }
    }

    record WithdrawCmd(UserId creator, long diamonds) implements Command {
        @Override
        public Receipt run(CoinEconomy economy, RequestId id) {
            return economy.withdraw(id, creator, Diamonds.of(diamonds));
        }
    }

    /**
     * One executed command.
     *
     * @param id        its request id
     * @param command   the command
     * @param receipt   its receipt, or {@code null} if rejected
     * @param rejection its rejection, or {@code null} if accepted
     * @param before    the snapshot before it ran
     * @param after     the snapshot after it ran
     * @param reused    whether the id had already been accepted before this step (retry or conflict)
     */
    record Step(RequestId id, Command command, Receipt receipt, EconomyException rejection,
                Snapshot before, Snapshot after, boolean reused) {
        boolean accepted() {
            return receipt != null;
        }
    }

    /**
     * An economy under test plus everything that happened to it. {@link #apply(Op)} interprets a random
     * operation; every executed command is recorded as a {@link Step} with snapshots around it (when
     * {@link #snapshots} is on).
     */
    static final class Run {
        final EconomyPolicy policy;
        final Catalog catalog;
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T22:30:00Z"));
        final CoinEconomy economy;
        final List<Step> steps = new ArrayList<>();
        final Map<RequestId, Step> acceptedById = new LinkedHashMap<>();
        final Set<UserId> users = new LinkedHashSet<>(USERS);
        final Set<RequestId> ids = new LinkedHashSet<>();
        final List<String> packs;
        final List<Gift> gifts;
        boolean snapshots = true;
        private int fresh;

        Run(EconomyPolicy policy) {
            this(policy, CATALOG);
        }

        Run(EconomyPolicy policy, Catalog catalog) {
            this.policy = policy;
            this.catalog = catalog;
            this.economy = CoinEconomy.builder().catalog(catalog).policy(policy).clock(clock).build();
            this.packs = packIds(catalog);
            this.gifts = gifts(catalog);
            users.add(RICH);
        }

        RequestId freshId() {
            return RequestId.of("r-" + (fresh++));
        }

        long step() {
            return policy.payout().diamondValue().diamondStep();
        }

        /** Executes a command with a fresh id. */
        Step execute(Command command) {
            return execute(freshId(), command);
        }

        /** Executes a command with a given id, recording the step. */
        Step execute(RequestId id, Command command) {
            boolean reused = acceptedById.containsKey(id);
            Snapshot before = snapshots ? snapshot() : null;
            ids.add(id);
            Receipt receipt = null;
            EconomyException rejection = null;
            try {
                receipt = command.run(economy, id);
            } catch (EconomyException e) {
                rejection = e;
            }
            Snapshot after = snapshots ? snapshot() : null;
            Step s = new Step(id, command, receipt, rejection, before, after, reused);
            steps.add(s);
            if (receipt != null) {
                acceptedById.putIfAbsent(id, s);
            }
            return s;
        }

        /** Executes a command that must be accepted. */
        Receipt accept(Command command) {
            Step s = execute(command);
            if (!s.accepted()) {
                throw new AssertionError("set-up command " + command + " rejected: " + s.rejection().getMessage(),
                        s.rejection());
            }
            return s.receipt();
        }

        Snapshot snapshot() {
            return Snapshot.of(economy, users, ids);
        }

        UserId user(int i) {
            return USERS.get(Math.floorMod(i, USERS.size()));
        }

        /**
         * Interprets a random operation against the current state.
         *
         * @return the step, or {@code null} if the operation executed no command (a tick, or a retry with
         * nothing to retry)
         */
        Step apply(Op op) {
            switch (op.kind()) {
                case PURCHASE: {
                    List<String> choices = new ArrayList<>(packs);
                    choices.add("no-such-pack");
                    String pack = choices.get(op.b() % choices.size());
                    boolean usApp = op.c() % 4 < 3;
                    Region region = usApp ? US : REGIONS.get(op.c() / 4 % REGIONS.size());
                    Channel channel = usApp ? Channel.APP : Channel.values()[op.c() / 16 % 2];
                    return execute(new PurchaseCmd(user(op.a()), pack, region, channel));
                }
                case GIFT: {
                    int g = op.c() % (gifts.size() + 1);
                    String giftId = g == gifts.size() ? "no-such-gift" : gifts.get(g).id();
                    long quantity = op.n() % 7 == 0 ? op.n() : 1 + op.n() % 5;
                    UserId sender = op.a() % 3 == 0 ? user(op.a() / 3) : richestInCoins();
                    return execute(new GiftCmd(sender, user(op.b()), giftId, quantity));
                }
                case WITHDRAW: {
                    UserId creator = op.a() % 3 == 0 ? user(op.b()) : richestInDiamonds();
                    long held = economy.wallet(creator).diamonds().amount();
                    long step = step();
                    long d;
                    switch (op.c() % 6) {
                        case 0: // anything up to twice the balance, often not payable
                            d = 1 + op.n() % Math.max(10, 2 * held);
                            break;
                        case 1: // everything
                            d = held;
                            break;
                        case 5: // the first payable count above the balance
                            d = (held / step + 1) * step;
                            break;
                        default: // a payable share of the balance
                            d = held * (op.b() + 1) / 100 / step * step;
                            break;
                    }
                    return execute(new WithdrawCmd(creator, Math.max(step, d)));
                }
                case RETRY: {
                    if (steps.isEmpty()) {
                        return null;
                    }
                    Step s = steps.get(op.a() * 7919 % steps.size());
                    return execute(s.id(), s.command());
                }
                case CONFLICT: {
                    if (acceptedById.isEmpty()) {
                        return null;
                    }
                    List<Step> accepted = new ArrayList<>(acceptedById.values());
                    Step s = accepted.get(op.a() * 7919 % accepted.size());
                    return execute(s.id(), differentCommand(s.command(), op.b(), op.c()));
                }
                case TICK:
                    clock.advance(Duration.ofMinutes(1 + op.n() % (36 * 60)));
                    return null;
                default:
                    throw new IllegalStateException(op.toString());
            }
        }

        Region regionFor(int i) {
            return REGIONS.get(Math.floorMod(i, REGIONS.size()));
        }

        UserId richestInCoins() {
            return USERS.stream().max(Comparator.comparing(u -> economy.wallet(u).coins())).orElseThrow();
        }

        UserId richestInDiamonds() {
            return USERS.stream().max(Comparator.comparing(u -> economy.wallet(u).diamonds())).orElseThrow();
        }

        /** A command of a kind chosen by {@code b}, guaranteed to differ from {@code original}. */
        Command differentCommand(Command original, int b, int c) {
            Command candidate;
            switch (b % 3) {
                case 0:
                    candidate = new PurchaseCmd(user(c), "pack-small", US, Channel.APP);
                    if (candidate.equals(original)) {
                        candidate = new PurchaseCmd(user(c), "pack-small", US, Channel.WEB);
                    }
                    break;
                case 1:
                    candidate = new GiftCmd(user(c), user(c + 1), gifts.get(0).id(), 1 + c % 3);
                    if (candidate.equals(original)) {
                        candidate = new GiftCmd(user(c), user(c + 1), gifts.get(0).id(), 10 + c % 3);
                    }
                    break;
                default:
                    candidate = new WithdrawCmd(user(c), step() * (1 + c % 5));
                    if (candidate.equals(original)) {
                        candidate = new WithdrawCmd(user(c), step() * (6 + c % 5));
                    }
                    break;
            }
            return candidate;
        }

        /** Runs all operations, returning the executed steps. */
        List<Step> applyAll(List<Op> ops) {
            List<Step> out = new ArrayList<>();
            for (Op op : ops) {
                Step s = apply(op);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        /**
         * Sets up: makes {@code creator} hold at least {@code diamonds} diamonds, funded by gifts of the
         * cheapest gift from {@link #RICH} (policy ratio must be positive).
         */
        void ensureDiamonds(UserId creator, long diamonds) {
            Ratio r = policy.conversion().diamondsPerCoin();
            Gift cheapest = gifts.stream().min(Comparator.comparing(g -> g.price().amount())).orElseThrow();
            long price = cheapest.price().amount();
            while (economy.wallet(creator).diamonds().amount() < diamonds) {
                long need = diamonds - economy.wallet(creator).diamonds().amount();
                long coins = Math.multiplyExact(need, r.denominator()) / r.numerator() + 1;
                long quantity = coins / price + 1;
                ensureCoins(RICH, Math.multiplyExact(quantity, price));
                accept(new GiftCmd(RICH, creator, cheapest.id(), quantity));
            }
        }

        /** Sets up: makes {@code user} hold at least {@code coins} coins by buying huge packs. */
        void ensureCoins(UserId user, long coins) {
            while (economy.wallet(user).coins().amount() < coins) {
                accept(new PurchaseCmd(user, "pack-huge", US, Channel.APP));
            }
        }
    }

    // ---- snapshots -------------------------------------------------------------------------------

    /**
     * Everything observable about an economy, for "nothing changed" checks.
     */
    record Snapshot(long journalSize, List<JournalEntry> journal, Map<UserId, Wallet> wallets,
                    TrialBalance trialBalance, Map<UserId, List<JournalEntry>> statements,
                    Map<UserId, Money> remainingToday, Map<RequestId, Optional<JournalEntry>> entries) {

        static Snapshot of(CoinEconomy e, Set<UserId> users, Set<RequestId> ids) {
            Map<UserId, Wallet> wallets = new LinkedHashMap<>();
            Map<UserId, List<JournalEntry>> statements = new LinkedHashMap<>();
            Map<UserId, Money> remaining = new LinkedHashMap<>();
            for (UserId u : users) {
                wallets.put(u, e.wallet(u));
                statements.put(u, e.statement(u));
                remaining.put(u, e.remainingWithdrawalToday(u));
            }
            Map<RequestId, Optional<JournalEntry>> entries = new LinkedHashMap<>();
            for (RequestId id : ids) {
                entries.put(id, e.entry(id));
            }
            return new Snapshot(e.journalSize(), e.journal(1, Integer.MAX_VALUE), wallets, e.trialBalance(),
                    statements, remaining, entries);
        }

        /**
         * Asserts that this (later) snapshot equals {@code before} on {@code before}'s users and request ids.
         *
         * @param before  the earlier snapshot (the expected values)
         * @param context what happened in between, for messages
         */
        void assertSameAs(Snapshot before, String context) {
            assertEquals(before.journalSize, journalSize, context + ": journal size changed");
            assertEquals(before.journal, journal, context + ": journal changed");
            assertEquals(before.wallets, wallets, context + ": wallets changed");
            assertEquals(before.trialBalance, trialBalance, context + ": trial balance changed");
            assertEquals(before.statements, statements, context + ": statements changed");
            assertEquals(before.remainingToday, remainingToday, context + ": remaining withdrawal changed");
            for (Map.Entry<RequestId, Optional<JournalEntry>> en : before.entries.entrySet()) {
                assertEquals(en.getValue(), entries.getOrDefault(en.getKey(), Optional.empty()),
                        context + ": entry of " + en.getKey() + " changed");
            }
        }
    }

    // ---- shared checks ---------------------------------------------------------------------------

    static AccountRef userCoins(UserId u) {
        return AccountRef.user(AccountType.USER_COINS, u);
    }

    static AccountRef userDiamonds(UserId u) {
        return AccountRef.user(AccountType.USER_DIAMONDS, u);
    }

    static AccountRef platform(AccountType t) {
        return AccountRef.platform(t);
    }

    /** Every user account of the trial balance is non-negative and agrees with the cached wallet. */
    static void assertUserAccountsNonNegative(CoinEconomy economy, String context) {
        TrialBalance tb = economy.trialBalance();
        tb.balances().forEach((account, perUnit) -> {
            if (account.type().isUserAccount()) {
                perUnit.forEach((unit, balance) -> assertTrue(balance >= 0,
                        context + ": " + account + " is negative in " + unit + ": " + balance));
                if (account.type() != AccountType.USER_COINS && account.type() != AccountType.USER_DIAMONDS) {
                    return; // held and in-payout diamonds are not part of the wallet
                }
                Wallet w = economy.wallet(account.owner());
                long cached = account.type() == AccountType.USER_COINS ? w.coins().amount() : w.diamonds().amount();
                Unit unit = account.type() == AccountType.USER_COINS ? Unit.COINS : Unit.DIAMONDS;
                assertEquals(cached, tb.balance(account, unit), context + ": wallet of " + account.owner()
                        + " disagrees with the journal");
            }
        });
    }
}
