package dev.coineconomy;

import dev.coineconomy.finance.ChargebackPolicy;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.finance.HoldPolicy;
import dev.coineconomy.finance.RefundPolicy;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.money.Ratio;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.store.LedgerStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Model-based test of the issue-3 commands: long random sequences of purchases, grants, gifts, withdrawals,
 * settlements, failures, refunds and chargebacks (valid and invalid mixed, with random clocks that cross
 * refund windows, holds and days), applied to the real economy and to a small independent model (plain
 * maps: lots, debt, held diamonds, payouts, daily caps, clawback attribution). After every command the
 * outcome (receipt or rejection code) and the touched wallets agree; every 2,000 commands and at the end
 * {@code audit()} is clean; at the end the finance report identities hold and the trial balance's held,
 * in-payout and coin accounts equal the model. Runs cover both chargeback policies, both refund modes,
 * holds, and fractional ratios: 4 × 8,000 commands, which with {@code EconomyModelTest}'s 6 × 12,000 makes
 * 104,000 model-checked commands per build. Replay a seed with {@code -Deconomy.finance.seed=<seed>}.
 */
class FinanceModelTest {

    private static final int STEPS = Integer.getInteger("economy.finance.steps", 8_000);
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final String[] USERS = {"ann", "ben", "cat", "dan", "eve", "fay"};
    private static final Map<String, Long> GIFTS = Map.of("g-1", 1L, "g-35", 35L, "g-50", 50L, "g-75", 75L);
    private static final List<String> GIFT_IDS = List.of("g-1", "g-35", "g-50", "g-75");

    record Run(String name, long seed, ChargebackPolicy.Mode chargebacks, RefundPolicy.Mode refunds,
               Duration hold, long ratioNum, long ratioDen) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                new Run("reference: negative balance, unused-only refunds, no hold", 0xF1_0001L,
                        ChargebackPolicy.Mode.NEGATIVE_BALANCE, RefundPolicy.Mode.UNUSED_ONLY, Duration.ZERO, 1, 1),
                new Run("clawback, pro-rata refunds, ratio 1/2", 0xF1_0002L,
                        ChargebackPolicy.Mode.CLAWBACK, RefundPolicy.Mode.PRO_RATA_UNUSED, Duration.ZERO, 1, 2),
                new Run("negative balance, pro-rata, 2 h hold, ratio 2/3", 0xF1_0003L,
                        ChargebackPolicy.Mode.NEGATIVE_BALANCE, RefundPolicy.Mode.PRO_RATA_UNUSED, Duration.ofHours(2), 2, 3),
                new Run("clawback, unused-only, 1 day hold", 0xF1_0004L,
                        ChargebackPolicy.Mode.CLAWBACK, RefundPolicy.Mode.UNUSED_ONLY, Duration.ofDays(1), 1, 1))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void realEconomyAgreesWithTheModel(Run run) {
        new Driver(run, Long.getLong("economy.finance.seed", run.seed())).run();
    }

    // ---- the model ---------------------------------------------------------------------------------

    static final class ModelLot {
        final String id;
        final long coins;
        final boolean promo;
        final Instant at;
        long remaining;
        String status = "OPEN";
        final Map<String, Long> uses = new LinkedHashMap<>();

        ModelLot(String id, long coins, boolean promo, Instant at) {
            this.id = id;
            this.coins = coins;
            this.promo = promo;
            this.at = at;
            this.remaining = coins;
        }
    }

    static final class ModelPayout {
        final String creator;
        final long diamonds;
        final long cents;
        final LocalDate day;
        String state = "PENDING";

        ModelPayout(String creator, long diamonds, long cents, LocalDate day) {
            this.creator = creator;
            this.diamonds = diamonds;
            this.cents = cents;
            this.day = day;
        }
    }

    /** What a command is expected to do: null code = accepted. */
    record Expect(RejectionCode code) {
    }

    static final class Driver {
        final Run run;
        final long seed;
        final SplittableRandom rnd;
        final MutableClock clock = new MutableClock(START);
        final CoinEconomy economy;
        final Map<String, List<ModelLot>> lots = new TreeMap<>();
        final Map<String, Long> debt = new TreeMap<>();
        final Map<String, Long> available = new TreeMap<>();
        final Map<String, List<long[]>> held = new TreeMap<>(); // {diamonds, releaseEpochSecond}
        final Map<String, Long> inPayout = new TreeMap<>();
        final Map<String, Long> received = new TreeMap<>();
        final Map<String, Long> withdrawnOnDay = new HashMap<>();
        final Map<String, ModelLot> purchases = new HashMap<>();
        final Map<String, ModelPayout> payouts = new LinkedHashMap<>();
        final List<String> otherIds = new ArrayList<>(); // accepted ids that are neither purchases nor withdrawals
        final Map<String, Integer> outcomes = new TreeMap<>();
        long journal;
        int nextId;

        Driver(Run run, long seed) {
            this.run = run;
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            EconomyPolicy base = FinanceWorkedExampleTest.policy()
                    .withVersion("finance-model")
                    .withDiamondsPerCoin(Ratio.of(run.ratioNum(), run.ratioDen()))
                    .withMinimumWithdrawal(Money.of("USD", "0.05"))
                    .withDailyWithdrawalLimit(Money.of("USD", "1.50"))
                    .withWithdrawalDayZone(ZoneOffset.UTC);
            EconomyPolicy policy = base.withFinance(base.finance()
                    .withChargebacks(new ChargebackPolicy(run.chargebacks()))
                    .withRefunds(RefundPolicy.REFERENCE.withMode(run.refunds()))
                    .withHold(new HoldPolicy(run.hold())));
            this.economy = FinanceWorkedExampleTest.economy(policy, clock, LedgerStore.inMemory());
        }

        long coins(String u) {
            long sum = 0;
            for (ModelLot l : lots.getOrDefault(u, List.of())) {
                sum += l.remaining;
            }
            return sum - debt.getOrDefault(u, 0L);
        }

        String user() {
            return USERS[rnd.nextInt(USERS.length)];
        }

        String fresh() {
            return "q-" + nextId++;
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                advance();
                try {
                    step();
                    if (step % 2_000 == 1_999) {
                        assertEquals(List.of(), economy.audit(), "audit");
                    }
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(String.format(Locale.ROOT, "run '%s' seed %d failed at step %d (%s): %s",
                            run.name(), seed, step, clock.instant(), e.getMessage()), e);
                }
            }
            checkFinal();
        }

        void advance() {
            int p = rnd.nextInt(100);
            Duration d = p < 80 ? Duration.ofSeconds(rnd.nextLong(0, 600))
                    : p < 97 ? Duration.ofHours(rnd.nextLong(1, 12)) : Duration.ofDays(rnd.nextLong(1, 10));
            clock.advance(d.plusMillis(rnd.nextInt(1000)));
        }

        void step() {
            int p = rnd.nextInt(100);
            if (p < 22) {
                buy();
            } else if (p < 28) {
                grant();
            } else if (p < 58) {
                gift();
            } else if (p < 70) {
                withdraw();
            } else if (p < 78) {
                outcome(rnd.nextInt(3) != 0);
            } else if (p < 89) {
                reverse(false);
            } else {
                reverse(true);
            }
        }

        // ---- commands ----------------------------------------------------------------------------

        void newLot(String u, String id, long c, boolean promo) {
            ModelLot lot = new ModelLot(id, c, promo, clock.instant());
            long owed = debt.getOrDefault(u, 0L);
            long repaid = Math.min(owed, c);
            lot.remaining -= repaid;
            debt.put(u, owed - repaid);
            lots.computeIfAbsent(u, k -> new ArrayList<>()).add(lot);
            if (!promo) {
                purchases.put(id, lot);
            }
        }

        void buy() {
            String u = user();
            String id = fresh();
            Region region = rnd.nextInt(3) == 0 ? FinanceWorkedExampleTest.GB : FinanceWorkedExampleTest.US;
            Channel channel = region.equals(FinanceWorkedExampleTest.US) && rnd.nextBoolean() ? Channel.WEB : Channel.APP;
            expect(new Expect(null), id, List.of(u),
                    () -> economy.purchase(RequestId.of(id), UserId.of(u), "coins-70", region, channel));
            newLot(u, id, 70, false);
            wallets(List.of(u));
            count("PURCHASE");
        }

        void grant() {
            String u = user();
            String id = fresh();
            long c = 1 + rnd.nextInt(40);
            expect(new Expect(null), id, List.of(u), () -> economy.grant(RequestId.of(id), UserId.of(u), Coins.of(c), "promo"));
            newLot(u, id, c, true);
            wallets(List.of(u));
            otherIds.add(id);
            count("GRANT");
        }

        void gift() {
            String s = user();
            String c = user();
            String g = GIFT_IDS.get(rnd.nextInt(GIFT_IDS.size()));
            long qty = 1 + rnd.nextInt(3);
            long cost = GIFTS.get(g) * qty;
            String id = fresh();
            RejectionCode code = s.equals(c) ? RejectionCode.SELF_GIFT
                    : debt.getOrDefault(s, 0L) > 0 ? RejectionCode.ACCOUNT_RESTRICTED
                    : coins(s) < cost ? RejectionCode.INSUFFICIENT_COINS : null;
            expect(new Expect(code), id, List.of(s, c),
                    () -> economy.sendGift(RequestId.of(id), UserId.of(s), UserId.of(c), g, qty));
            if (code != null) {
                return;
            }
            long left = cost;
            for (ModelLot l : lots.getOrDefault(s, List.of())) {
                long take = Math.min(left, l.remaining);
                if (take > 0) {
                    l.remaining -= take;
                    l.uses.merge(c, take, Long::sum);
                    left -= take;
                }
            }
            long before = received.getOrDefault(c, 0L);
            long after = before + cost;
            received.put(c, after);
            long d = after * run.ratioNum() / run.ratioDen() - before * run.ratioNum() / run.ratioDen();
            if (run.hold().isZero() || d == 0) {
                available.merge(c, d, Long::sum);
            } else {
                Instant rel = clock.instant().plus(run.hold());
                long sec = rel.getEpochSecond() + (rel.getNano() > 0 ? 1 : 0);
                held.computeIfAbsent(c, k -> new ArrayList<>()).add(new long[] {d, sec});
            }
            otherIds.add(id);
            wallets(List.of(s, c));
            count("GIFT");
        }

        long matured(String c) {
            long sum = 0;
            for (long[] h : held.getOrDefault(c, List.of())) {
                if (!clock.instant().isBefore(Instant.ofEpochSecond(h[1]))) {
                    sum += h[0];
                }
            }
            return sum;
        }

        void withdraw() {
            String c = user();
            long can = available.getOrDefault(c, 0L) + matured(c);
            int p = rnd.nextInt(10);
            long d = p == 0 ? 2 * rnd.nextLong(1, 20) + 1 : p == 1 ? 2 * rnd.nextLong(1, 5)
                    : p == 2 ? can + 2 * rnd.nextLong(1, 10) : Math.max(10, 2 * rnd.nextLong(0, can / 2 + 2));
            String id = fresh();
            LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            long cents = d / 2;
            boolean known = economy.store().transact(tx -> tx.user(UserId.of(c))).isPresent();
            RejectionCode code = known && debt.getOrDefault(c, 0L) > 0 ? RejectionCode.ACCOUNT_RESTRICTED
                    : d % 2 != 0 ? RejectionCode.NOT_WHOLE_CENTS
                    : cents < 5 ? RejectionCode.BELOW_MINIMUM_WITHDRAWAL
                    : d > can ? RejectionCode.INSUFFICIENT_DIAMONDS
                    : withdrawnOnDay.getOrDefault(c + "@" + day, 0L) + cents > 150
                    ? RejectionCode.DAILY_WITHDRAWAL_LIMIT : null;
            expect(new Expect(code), id, List.of(c),
                    () -> economy.withdraw(RequestId.of(id), UserId.of(c), Diamonds.of(d)));
            if (code != null) {
                return;
            }
            List<long[]> hs = held.getOrDefault(c, new ArrayList<>());
            hs.removeIf(h -> {
                if (!clock.instant().isBefore(Instant.ofEpochSecond(h[1]))) {
                    available.merge(c, h[0], Long::sum);
                    return true;
                }
                return false;
            });
            available.merge(c, -d, Long::sum);
            inPayout.merge(c, d, Long::sum);
            withdrawnOnDay.merge(c + "@" + day, cents, Long::sum);
            payouts.put(id, new ModelPayout(c, d, cents, day));
            wallets(List.of(c));
            count("WITHDRAW");
        }

        void outcome(boolean settle) {
            String ref = pick(new ArrayList<>(payouts.keySet()));
            ModelPayout p = payouts.get(ref);
            String id = fresh();
            RejectionCode code = p == null ? RejectionCode.UNKNOWN_REFERENCE
                    : !p.state.equals("PENDING") ? RejectionCode.PAYOUT_NOT_PENDING : null;
            List<String> touched = p == null ? List.of() : List.of(p.creator);
            expect(new Expect(code), id, touched, settle
                    ? () -> economy.settleWithdrawal(RequestId.of(id), RequestId.of(ref))
                    : () -> economy.failWithdrawal(RequestId.of(id), RequestId.of(ref), "provider"));
            if (code != null) {
                return;
            }
            inPayout.merge(p.creator, -p.diamonds, Long::sum);
            if (settle) {
                p.state = "PAID";
            } else {
                p.state = "FAILED";
                available.merge(p.creator, p.diamonds, Long::sum);
                withdrawnOnDay.merge(p.creator + "@" + p.day, -p.cents, Long::sum);
            }
            otherIds.add(id);
            wallets(touched);
            count(settle ? "SETTLE" : "FAIL");
        }

        String pick(List<String> ids) {
            int p = rnd.nextInt(10);
            if (p == 0 || ids.isEmpty()) {
                return "unknown-" + rnd.nextInt(5);
            }
            if (p == 1 && !otherIds.isEmpty()) {
                return otherIds.get(rnd.nextInt(otherIds.size())); // a foreign request id
            }
            // mostly recent ones
            int n = ids.size();
            return ids.get(Math.max(0, n - 1 - rnd.nextInt(Math.min(n, 12))));
        }

        final List<String> purchaseIds = new ArrayList<>();

        void reverse(boolean chargeback) {
            purchaseIds.clear();
            purchaseIds.addAll(purchases.keySet());
            purchaseIds.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
            String ref = pick(purchaseIds);
            ModelLot lot = purchases.get(ref);
            String id = fresh();
            String buyer = null;
            if (lot != null) {
                for (Map.Entry<String, List<ModelLot>> e : lots.entrySet()) {
                    if (e.getValue().contains(lot)) {
                        buyer = e.getKey();
                    }
                }
            }
            RejectionCode code;
            if (lot == null) {
                code = RejectionCode.UNKNOWN_REFERENCE;
            } else if (!lot.status.equals("OPEN")) {
                code = RejectionCode.ALREADY_REVERSED;
            } else if (chargeback) {
                code = null;
            } else if (clock.instant().isAfter(lot.at.plus(Duration.ofDays(14)))) {
                code = RejectionCode.REFUND_WINDOW_CLOSED;
            } else if (lot.remaining == 0 || (run.refunds() == RefundPolicy.Mode.UNUSED_ONLY && lot.remaining < lot.coins)) {
                code = RejectionCode.COINS_ALREADY_USED;
            } else {
                code = null;
            }
            List<String> touched = new ArrayList<>();
            if (buyer != null) {
                touched.add(buyer);
            }
            if (lot != null && chargeback) {
                touched.addAll(lot.uses.keySet());
            }
            expect(new Expect(code), id, touched, chargeback
                    ? () -> economy.chargeback(RequestId.of(id), RequestId.of(ref))
                    : () -> economy.refundPurchase(RequestId.of(id), RequestId.of(ref)));
            if (code != null) {
                return;
            }
            otherIds.add(id);
            if (!chargeback) {
                lot.remaining = 0;
                lot.status = "REFUNDED";
                wallets(touched);
                count("REFUND");
                return;
            }
            lot.status = "CHARGED_BACK";
            count("CHARGEBACK");
            if (run.chargebacks() == ChargebackPolicy.Mode.NEGATIVE_BALANCE) {
                long spent = lot.coins - lot.remaining;
                lot.remaining = 0;
                long left = spent;
                for (ModelLot other : lots.get(buyer)) {
                    long take = Math.min(left, other.remaining);
                    other.remaining -= take;
                    left -= take;
                }
                debt.merge(buyer, left, Long::sum);
                wallets(touched);
                return;
            }
            lot.remaining = 0;
            for (Map.Entry<String, Long> use : lot.uses.entrySet()) {
                String c = use.getKey();
                long owed = use.getValue() * run.ratioNum() / run.ratioDen();
                List<long[]> hs = held.getOrDefault(c, new ArrayList<>());
                long heldSum = 0;
                for (long[] h : hs) {
                    heldSum += h[0];
                }
                long take = Math.min(owed, available.getOrDefault(c, 0L) + heldSum);
                long fromAvailable = Math.min(take, available.getOrDefault(c, 0L));
                available.merge(c, -fromAvailable, Long::sum);
                long fromHeld = take - fromAvailable;
                for (int i = hs.size() - 1; i >= 0 && fromHeld > 0; i--) {
                    long t = Math.min(fromHeld, hs.get(i)[0]);
                    hs.get(i)[0] -= t;
                    fromHeld -= t;
                }
                if (take > 0) {
                    count("CLAWED_BACK");
                }
            }
            wallets(touched);
        }

        // ---- checking ------------------------------------------------------------------------------

        void expect(Expect expected, String id, List<String> touched, java.util.function.Supplier<Receipt> command) {
            long before = economy.journalSize();
            assertEquals(journal, before, "journal size");
            try {
                Receipt r = command.get();
                if (expected.code() != null) {
                    fail("expected " + expected.code() + ", got " + r);
                }
                assertEquals(id, r.requestId().value());
                assertEquals(clock.instant(), r.instant());
                journal++;
                if (rnd.nextInt(20) == 0) {
                    assertEquals(r, command.get(), "a retry returns the same receipt");
                    count("RETRY");
                }
            } catch (EconomyException e) {
                if (expected.code() == null) {
                    throw new AssertionError("expected acceptance, got " + e.getMessage(), e);
                }
                assertEquals(expected.code(), e.code(), e.getMessage());
                assertTrue(economy.entry(RequestId.of(id)).isEmpty(), "a rejected id stays free");
                count(e.code().name());
            }
            assertEquals(journal, economy.journalSize(), "journal size after");
            if (expected.code() != null) {
                wallets(touched);
            }
        }

        /** The touched wallets equal the model's (call after the model applied the command). */
        void wallets(List<String> touched) {
            for (String u : touched) {
                long c = coins(u);
                assertEquals(new Wallet(UserId.of(u), Coins.of(Math.max(0, c)), Diamonds.of(available.getOrDefault(u, 0L)),
                        Coins.of(Math.max(0, -c))), economy.wallet(UserId.of(u)), "wallet of " + u);
            }
        }

        void count(String key) {
            outcomes.merge(key, 1, Integer::sum);
        }

        void checkFinal() {
            assertEquals(List.of(), economy.audit(), "audit at the end");
            for (FinanceReport r : economy.financeReport(START, clock.instant().plusSeconds(1))) {
                assertEquals(List.of(), r.violations(), r.toString());
            }
            // a report of a middle period holds its identities too
            Instant mid = START.plus(Duration.between(START, clock.instant()).dividedBy(2));
            for (FinanceReport r : economy.financeReport(mid, clock.instant())) {
                assertEquals(List.of(), r.violations(), r.toString());
            }
            TrialBalance tb = economy.trialBalance();
            for (String u : USERS) {
                UserId id = UserId.of(u);
                assertEquals(coins(u), tb.balance(AccountRef.user(AccountType.USER_COINS, id), Unit.COINS), "coins " + u);
                assertEquals(available.getOrDefault(u, 0L),
                        tb.balance(AccountRef.user(AccountType.USER_DIAMONDS, id), Unit.DIAMONDS), "available " + u);
                long h = 0;
                for (long[] x : held.getOrDefault(u, List.of())) {
                    h += x[0];
                }
                assertEquals(h, tb.balance(AccountRef.user(AccountType.USER_DIAMONDS_HELD, id), Unit.DIAMONDS), "held " + u);
                assertEquals(inPayout.getOrDefault(u, 0L),
                        tb.balance(AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, id), Unit.DIAMONDS), "in payout " + u);
            }
            List<String> must = new ArrayList<>(List.of("PURCHASE", "GRANT", "GIFT", "WITHDRAW", "SETTLE", "FAIL",
                    "REFUND", "CHARGEBACK", "RETRY", "UNKNOWN_REFERENCE", "ALREADY_REVERSED", "REFUND_WINDOW_CLOSED",
                    "COINS_ALREADY_USED", "PAYOUT_NOT_PENDING", "INSUFFICIENT_COINS", "INSUFFICIENT_DIAMONDS",
                    "NOT_WHOLE_CENTS", "BELOW_MINIMUM_WITHDRAWAL", "DAILY_WITHDRAWAL_LIMIT", "SELF_GIFT"));
            if (run.chargebacks() == ChargebackPolicy.Mode.NEGATIVE_BALANCE) {
                must.add("ACCOUNT_RESTRICTED");
            } else {
                must.add("CLAWED_BACK");
            }
            for (String m : must) {
                assertTrue(outcomes.getOrDefault(m, 0) > 0, () -> "no " + m + " in " + outcomes);
            }
            if (Boolean.getBoolean("economy.model.verbose")) {
                System.out.printf(Locale.ROOT, "%s: %d entries, %s%n", run.name(), journal, outcomes);
            }
        }
    }
}
