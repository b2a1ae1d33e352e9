package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Parallel;
import org.quicktheories.generators.Generate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Linearizability of small concurrent histories, with QuickTheories'
 * {@link Parallel#parallelCheck stateful parallel check}: a few purchases, gifts and withdrawals (on
 * contended balances, a tight daily limit and a handful of shared request ids, so that conflicts and
 * exact retries race too) run at once on one economy, and its end state must be the end state of the
 * model applied in some sequential order. The model is independent of the library's code; the end
 * state compares wallets, the coins each creator received (exact carry), each creator's payouts of the
 * day, which command holds each request id, and the journal size.
 */
class ParallelModelTest {

    private static final Region US = Region.of("US");
    private static final List<String> USERS = List.of("a", "b", "x", "y");
    private static final List<String> IDS = List.of("r0", "r1", "r2", "r3", "r4");
    private static final Ratio RATIO = Ratio.of(2, 3);
    /** USD 0.005 per diamond: a payout in cents is diamonds / 2. */
    private static final long MIN_CENTS = 5;
    private static final long LIMIT_CENTS = 30;

    private static final Catalog CATALOG = Catalog.builder()
            .version("parallel-1")
            .pack(CoinPack.builder("p-100", 100).price(US, Channel.APP, Money.of("USD", "1.49")).build())
            .pack(CoinPack.builder("p-1000", 1000).price(US, Channel.APP, Money.of("USD", "14.99")).build())
            .gift("g-30", "Thirty", 30)
            .gift("g-50", "Fifty", 50)
            .build();
    private static final Map<String, Long> PACKS = Map.of("p-100", 100L, "p-1000", 1000L);
    private static final Map<String, Long> GIFTS = Map.of("g-30", 30L, "g-50", 50L);

    private static final EconomyPolicy POLICY = EconomyPolicy.reference()
            .withVersion("parallel-2-3")
            .withDiamondsPerCoin(RATIO)
            .withPayout(new PayoutPolicy(DiamondValue.perDiamond("USD", "0.005"), Money.ofMinor("USD", MIN_CENTS),
                    Money.ofMinor("USD", LIMIT_CENTS), ZoneId.of("Europe/Berlin")));

    // ---- the model -------------------------------------------------------------------------------

    /** The observable state: per user coins, diamonds, coins received and cents paid today; ids; journal. */
    record State(Map<String, Long> coins, Map<String, Long> diamonds, Map<String, Long> received,
                 Map<String, Long> paidToday, Map<String, Cmd> ids, long journal) {

        static State empty() {
            Map<String, Long> zero = new TreeMap<>();
            USERS.forEach(u -> zero.put(u, 0L));
            return new State(zero, zero, zero, zero, Map.of(), 0);
        }

        static long get(Map<String, Long> m, String u) {
            return m.getOrDefault(u, 0L);
        }

        static Map<String, Long> with(Map<String, Long> m, String u, long v) {
            Map<String, Long> copy = new TreeMap<>(m);
            copy.put(u, v);
            return copy;
        }

        State accept(Cmd c, Map<String, Long> coins, Map<String, Long> diamonds, Map<String, Long> received,
                     Map<String, Long> paidToday) {
            Map<String, Cmd> newIds = new TreeMap<>(ids);
            newIds.put(c.id(), c);
            return new State(coins, diamonds, received, paidToday, newIds, journal + 1);
        }
    }

    /** A command of the history: runs on the economy and moves the model. */
    sealed interface Cmd extends Command<Sut, State> permits Buy, Give, Withdraw {
        String id();

        /** The model's transition, given that the id is free. */
        State applyFresh(State s);

        /** Sends the command to the economy. */
        Receipt send(CoinEconomy economy);

        @Override
        default void run(Sut sut) {
            sut.await();
            try {
                send(sut.economy());
            } catch (EconomyException rejected) {
                // a rejection is a legal outcome; the end state shows whether it was the right one
            }
        }

        @Override
        default State nextState(State s) {
            Cmd previous = s.ids().get(id());
            return previous != null ? s : applyFresh(s); // a retry or a REQUEST_CONFLICT changes nothing
        }
    }

    record Buy(String id, String user, String pack) implements Cmd {
        public State applyFresh(State s) {
            Long coins = PACKS.get(pack);
            if (coins == null) {
                return s; // UNKNOWN_PACK
            }
            return s.accept(this, State.with(s.coins(), user, State.get(s.coins(), user) + coins), s.diamonds(),
                    s.received(), s.paidToday());
        }

        public Receipt send(CoinEconomy economy) {
            return economy.purchase(RequestId.of(id), UserId.of(user), pack, US);
        }
    }

    record Give(String id, String sender, String creator, String gift, long quantity) implements Cmd {
        public State applyFresh(State s) {
            Long price = GIFTS.get(gift);
            if (price == null || sender.equals(creator)) {
                return s; // UNKNOWN_GIFT, SELF_GIFT
            }
            long cost = price * quantity;
            long have = State.get(s.coins(), sender);
            if (have < cost) {
                return s; // INSUFFICIENT_COINS
            }
            long before = State.get(s.received(), creator);
            long credit = (before + cost) * RATIO.numerator() / RATIO.denominator()
                    - before * RATIO.numerator() / RATIO.denominator();
            return s.accept(this, State.with(s.coins(), sender, have - cost),
                    State.with(s.diamonds(), creator, State.get(s.diamonds(), creator) + credit),
                    State.with(s.received(), creator, before + cost), s.paidToday());
        }

        public Receipt send(CoinEconomy economy) {
            return economy.sendGift(RequestId.of(id), UserId.of(sender), UserId.of(creator), gift, quantity);
        }
    }

    record Withdraw(String id, String creator, long diamonds) implements Cmd {
        public State applyFresh(State s) {
            if (diamonds % 2 != 0) {
                return s; // NOT_WHOLE_CENTS
            }
            long cents = diamonds / 2;
            long held = State.get(s.diamonds(), creator);
            long today = State.get(s.paidToday(), creator);
            if (cents < MIN_CENTS || held < diamonds || today + cents > LIMIT_CENTS) {
                return s; // BELOW_MINIMUM_WITHDRAWAL, INSUFFICIENT_DIAMONDS, DAILY_WITHDRAWAL_LIMIT
            }
            return s.accept(this, s.coins(), State.with(s.diamonds(), creator, held - diamonds), s.received(),
                    State.with(s.paidToday(), creator, today + cents));
        }

        public Receipt send(CoinEconomy economy) {
            return economy.withdraw(RequestId.of(id), UserId.of(creator), Diamonds.of(diamonds));
        }
    }

    /** The economy under test and the barrier that releases a parallel history's threads together. */
    record Sut(CoinEconomy economy, CyclicBarrier start, Thread owner) {
        void await() {
            if (Thread.currentThread() == owner) {
                return; // QuickTheories' sequential pass runs on the test thread
            }
            try {
                start.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the history's threads did not start together", e);
            }
        }
    }

    /** A fixed prefix that gives the users coins and the creators diamonds. */
    private static final List<Cmd> SETUP = List.of(
            new Buy("s0", "a", "p-1000"),
            new Buy("s1", "b", "p-100"),
            new Give("s2", "a", "x", "g-50", 2),   // x: 100 coins received → 66 diamonds
            new Give("s3", "a", "y", "g-50", 1));  // y: 50 coins received → 33 diamonds

    private static State initialState() {
        State s = State.empty();
        for (Cmd c : SETUP) {
            s = c.nextState(s);
        }
        return s;
    }

    private static Sut newSut(int threads) {
        CoinEconomy economy = CoinEconomy.builder().catalog(CATALOG).policy(POLICY)
                .clock(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC)).build();
        for (Cmd c : SETUP) {
            c.send(economy);
        }
        return new Sut(economy, new CyclicBarrier(threads), Thread.currentThread());
    }

    /** Reads the observable state back from the economy alone. */
    private static State observe(Sut sut) {
        CoinEconomy economy = sut.economy();
        Map<String, Long> coins = new TreeMap<>();
        Map<String, Long> diamonds = new TreeMap<>();
        Map<String, Long> received = new TreeMap<>();
        Map<String, Long> paid = new TreeMap<>();
        for (String u : USERS) {
            Wallet w = economy.wallet(UserId.of(u));
            coins.put(u, w.coins().amount());
            diamonds.put(u, w.diamonds().amount());
            received.put(u, 0L);
            paid.put(u, LIMIT_CENTS - economy.remainingWithdrawalToday(UserId.of(u)).toMinorUnits());
        }
        for (JournalEntry e : economy.journal(1, 1000)) {
            if (e.receipt() instanceof GiftReceipt g) {
                received.merge(g.creator().value(), g.coinsSpent().amount(), Long::sum);
            }
        }
        Map<String, Cmd> ids = new TreeMap<>();
        List<String> all = new ArrayList<>(IDS);
        SETUP.forEach(c -> all.add(c.id()));
        for (String id : all) {
            economy.entry(RequestId.of(id)).map(e -> toCmd(e.receipt())).ifPresent(c -> ids.put(id, c));
        }
        return new State(coins, diamonds, received, paid, ids, economy.journalSize());
    }

    private static Cmd toCmd(Receipt r) {
        if (r instanceof PurchaseReceipt p) {
            return new Buy(p.requestId().value(), p.user().value(), p.packId());
        }
        if (r instanceof GiftReceipt g) {
            return new Give(g.requestId().value(), g.sender().value(), g.creator().value(), g.giftId(), g.quantity());
        }
        WithdrawalReceipt w = (WithdrawalReceipt) r;
        return new Withdraw(w.requestId().value(), w.creator().value(), w.diamondsDebited().amount());
    }

    // ---- generators ------------------------------------------------------------------------------

    private static Gen<String> id() {
        return Generate.pick(IDS);
    }

    private static Gen<Cmd> commands() {
        Gen<Cmd> buy = id().zip(Generate.pick(List.of("a", "b")), Generate.pick(List.of("p-100", "p-1000", "p-none")),
                (id, user, pack) -> new Buy(id, user, pack));
        Gen<Cmd> give = id().zip(Generate.pick(List.of("a", "b", "x")), Generate.pick(List.of("x", "y")),
                Generate.pick(List.of("g-30", "g-50", "g-50", "g-none")), Generate.range(1, 3),
                (id, sender, creator, gift, q) -> new Give(id, sender, creator, gift, q));
        Gen<Cmd> withdraw = id().zip(Generate.pick(List.of("x", "y")),
                Generate.pick(List.of(8L, 10L, 20L, 21L, 30L, 40L, 60L)),
                (id, creator, d) -> new Withdraw(id, creator, d));
        return give.mix(withdraw, 40).mix(buy, 20);
    }

    /** 2 to 5 commands, and sometimes an exact retry of one of them. */
    private static Gen<List<Cmd>> histories() {
        return lists().of(commands()).ofSizeBetween(2, 5).zip(Generate.range(0, 7), (cmds, k) -> {
            List<Cmd> out = new ArrayList<>(cmds);
            if (k < cmds.size()) {
                out.add(cmds.get(k));
            }
            return out;
        });
    }

    // ---- the property ------------------------------------------------------------------------------

    @Test
    void concurrentHistoriesAreLinearizable() {
        State initial = initialState();
        assertEquals(initial, observe(newSut(1)), "the model's initial state is the economy's");
        qt().withFixedSeed(Long.getLong("economy.parallel.seed", 0x11AEA71L))
                .withExamples(Integer.getInteger("economy.parallel.examples", 250))
                .withShrinkCycles(50) // failures of a race are not deterministic: report, do not shrink for long
                .forAll(histories())
                .checkAssert(history -> new Parallel(20, TimeUnit.SECONDS)
                        .parallelCheck(initial, history, m -> newSut(history.size()), ParallelModelTest::observe,
                                history.size()));
    }
}
