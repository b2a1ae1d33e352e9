package dev.coineconomy.examples;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.UserId;
import dev.coineconomy.Wallet;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The final audit of a run, computed from the economy's journal and {@link CoinEconomy#trialBalance()
 * trial balance} (which recomputes every balance from postings alone) and compared with the receipts
 * the host collected:
 * <ul>
 *   <li>every unit's postings sum to zero;</li>
 *   <li>coins issued = coins held + coins spent; diamonds issued = diamonds held + diamonds in payout +
 *       diamonds redeemed (a withdrawal is a pending payout until the host settles it); per currency, gross
 *       sales = store fees + tax + deferred revenue + recognized revenue;</li>
 *   <li>the journal holds exactly the accepted receipts, in order, and nothing else;</li>
 *   <li>the receipts' totals equal the platform accounts, and per user they sum to the wallet, which
 *       equals the user's accounts in the trial balance;</li>
 *   <li>exact carry: the creator's diamonds earned are {@code floor(coins received × ratio)}.</li>
 * </ul>
 */
public final class ConservationCheck {

    private static final int PAGE = 1_000;

    private final CoinEconomy economy;
    private final List<PurchaseReceipt> purchases;
    private final List<GiftReceipt> gifts;
    private final List<WithdrawalReceipt> withdrawals;
    private final List<LiveStreamSummary.Check> checks = new ArrayList<>();

    /**
     * Prepares the audit.
     *
     * @param economy     the economy after the run
     * @param purchases   every accepted purchase, once each
     * @param gifts       every accepted gift, once each
     * @param withdrawals every accepted withdrawal, once each
     */
    public ConservationCheck(CoinEconomy economy, List<PurchaseReceipt> purchases, List<GiftReceipt> gifts,
                             List<WithdrawalReceipt> withdrawals) {
        this.economy = Objects.requireNonNull(economy, "economy");
        this.purchases = List.copyOf(purchases);
        this.gifts = List.copyOf(gifts);
        this.withdrawals = List.copyOf(withdrawals);
    }

    /**
     * Runs every check.
     *
     * @param users every user of the run
     * @return the checks, in a stable order
     */
    public List<LiveStreamSummary.Check> run(List<UserId> users) {
        checks.clear();
        TrialBalance tb = economy.trialBalance();
        journal(tb);
        balancing(tb);
        receipts(tb);
        wallets(tb, users);
        exactCarry();
        return List.copyOf(checks);
    }

    private void journal(TrialBalance tb) {
        Map<Long, Receipt> bySequence = new HashMap<>();
        purchases.forEach(r -> bySequence.put(r.sequence(), r));
        gifts.forEach(r -> bySequence.put(r.sequence(), r));
        withdrawals.forEach(r -> bySequence.put(r.sequence(), r));
        long read = 0;
        long matching = 0;
        for (long from = 1; ; from += PAGE) {
            List<JournalEntry> page = economy.journal(from, PAGE);
            for (JournalEntry e : page) {
                read++;
                if (e.receipt().equals(bySequence.get(e.sequence()))) {
                    matching++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        int accepted = bySequence.size();
        count("journal entries = accepted commands", accepted, read);
        count("journal entries equal to their receipts", accepted, matching);
        count("trial balance entries = journal entries", read, tb.entries());
    }

    private void balancing(TrialBalance tb) {
        List<Unit> units = new ArrayList<>(List.of(Unit.COINS, Unit.DIAMONDS));
        units.addAll(currencies(tb));
        for (Unit unit : units) {
            count("postings in " + unit + " sum to zero", 0, tb.total(unit));
        }
        long coinsIssued = -platform(tb, AccountType.COIN_ISSUANCE, Unit.COINS);
        long coinsHeld = users(tb, AccountType.USER_COINS, Unit.COINS);
        long coinsSpent = platform(tb, AccountType.COINS_SPENT, Unit.COINS);
        check("coins issued = held + spent", coinsIssued,
                String.format(Locale.ROOT, "%,d + %,d", coinsHeld, coinsSpent), coinsHeld + coinsSpent);
        long diamondsIssued = -platform(tb, AccountType.DIAMOND_ISSUANCE, Unit.DIAMONDS);
        long diamondsHeld = users(tb, AccountType.USER_DIAMONDS, Unit.DIAMONDS)
                + users(tb, AccountType.USER_DIAMONDS_HELD, Unit.DIAMONDS);
        long inPayout = users(tb, AccountType.USER_DIAMONDS_IN_PAYOUT, Unit.DIAMONDS);
        long redeemed = platform(tb, AccountType.DIAMONDS_REDEEMED, Unit.DIAMONDS);
        check("diamonds issued = held + in payout + redeemed", diamondsIssued,
                String.format(Locale.ROOT, "%,d + %,d + %,d", diamondsHeld, inPayout, redeemed),
                diamondsHeld + inPayout + redeemed);
        for (Unit unit : currencies(tb)) {
            long sales = -platform(tb, AccountType.GROSS_SALES, unit);
            long fees = platform(tb, AccountType.STORE_FEES, unit);
            long tax = platform(tb, AccountType.TAX_PAYABLE, unit);
            long deferred = platform(tb, AccountType.DEFERRED_REVENUE, unit);
            long recognized = platform(tb, AccountType.RECOGNIZED_REVENUE, unit);
            checks.add(new LiveStreamSummary.Check(unit + " gross sales = fees + tax + deferred + recognized",
                    money(unit, sales), money(unit, fees) + " + " + money(unit, tax) + " + " + money(unit, deferred)
                    + " + " + money(unit, recognized), sales == fees + tax + deferred + recognized));
        }
    }

    private void receipts(TrialBalance tb) {
        long bought = purchases.stream().mapToLong(r -> r.coins().amount()).sum();
        count("receipts: coins bought = coins issued", bought,
                -platform(tb, AccountType.COIN_ISSUANCE, Unit.COINS));
        long giftCoins = gifts.stream().mapToLong(r -> r.coinsSpent().amount()).sum();
        count("receipts: gift coins = coins spent", giftCoins, platform(tb, AccountType.COINS_SPENT, Unit.COINS));
        long credited = gifts.stream().mapToLong(r -> r.diamondsCredited().amount()).sum();
        count("receipts: diamonds credited = issued", credited,
                -platform(tb, AccountType.DIAMOND_ISSUANCE, Unit.DIAMONDS));
        long debited = withdrawals.stream().mapToLong(r -> r.diamondsDebited().amount()).sum();
        count("receipts: diamonds withdrawn = in payout + redeemed", debited,
                users(tb, AccountType.USER_DIAMONDS_IN_PAYOUT, Unit.DIAMONDS)
                        + platform(tb, AccountType.DIAMONDS_REDEEMED, Unit.DIAMONDS));
        Map<String, Long> sales = new TreeMap<>();
        purchases.forEach(r -> sales.merge(r.price().currency().getCurrencyCode(), r.price().toMinorUnits(),
                Math::addExact));
        Map<String, Long> paid = new TreeMap<>();
        withdrawals.forEach(r -> paid.merge(r.payout().currency().getCurrencyCode(), r.payout().toMinorUnits(),
                Math::addExact));
        TreeSet<String> codes = new TreeSet<>(sales.keySet());
        codes.addAll(paid.keySet());
        currencies(tb).forEach(u -> codes.add(u.code()));
        for (String code : codes) {
            Unit unit = new Unit(code);
            long s = sales.getOrDefault(code, 0L);
            long salesTb = -platform(tb, AccountType.GROSS_SALES, unit);
            checks.add(new LiveStreamSummary.Check("receipts: " + code + " prices = gross sales",
                    money(unit, s), money(unit, salesTb), s == salesTb));
            long p = paid.getOrDefault(code, 0L);
            long owedTb = platform(tb, AccountType.PAYOUTS_PAID, unit)
                    + platform(tb, AccountType.CREATOR_PAYABLE, unit);
            checks.add(new LiveStreamSummary.Check("receipts: " + code + " payouts <= payouts paid + creator payable",
                    money(unit, p), money(unit, owedTb), p <= owedTb));
        }
    }

    private void wallets(TrialBalance tb, List<UserId> users) {
        Map<UserId, long[]> fromReceipts = new HashMap<>();
        purchases.forEach(r -> fromReceipts.computeIfAbsent(r.user(), k -> new long[2])[0] += r.coins().amount());
        for (GiftReceipt r : gifts) {
            fromReceipts.computeIfAbsent(r.sender(), k -> new long[2])[0] -= r.coinsSpent().amount();
            fromReceipts.computeIfAbsent(r.creator(), k -> new long[2])[1] += r.diamondsCredited().amount();
        }
        withdrawals.forEach(r -> fromReceipts.computeIfAbsent(r.creator(), k -> new long[2])[1]
                -= r.diamondsDebited().amount());
        int receiptsMatch = 0;
        int ledgerMatch = 0;
        long coinsInWallets = 0;
        long diamondsInWallets = 0;
        for (UserId u : users) {
            Wallet w = economy.wallet(u);
            long[] sums = fromReceipts.getOrDefault(u, new long[2]);
            if (sums[0] == w.coins().amount() && sums[1] == w.diamonds().amount()) {
                receiptsMatch++;
            }
            if (tb.balance(AccountRef.user(AccountType.USER_COINS, u), Unit.COINS) == w.coins().amount()
                    && tb.balance(AccountRef.user(AccountType.USER_DIAMONDS, u), Unit.DIAMONDS)
                    == w.diamonds().amount()) {
                ledgerMatch++;
            }
            coinsInWallets += w.coins().amount();
            diamondsInWallets += w.diamonds().amount();
        }
        count("wallets = sum of their receipts (users)", users.size(), receiptsMatch);
        count("wallets = trial balance (users)", users.size(), ledgerMatch);
        count("coins in wallets = coins held", users(tb, AccountType.USER_COINS, Unit.COINS), coinsInWallets);
        count("diamonds in wallets = diamonds held", users(tb, AccountType.USER_DIAMONDS, Unit.DIAMONDS),
                diamondsInWallets);
    }

    private void exactCarry() {
        Map<UserId, long[]> perCreator = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (GiftReceipt r : gifts) {
            long[] t = perCreator.computeIfAbsent(r.creator(), k -> new long[2]);
            t[0] += r.coinsSpent().amount();
            t[1] += r.diamondsCredited().amount();
        }
        var ratio = economy.policy().conversion().diamondsPerCoin();
        perCreator.forEach((creator, t) -> count("exact carry: " + creator + " diamonds = floor(coins x "
                + ratio + ")", ratio.floorMultiply(t[0]), t[1]));
    }

    private void count(String name, long expected, long actual) {
        check(name, expected, String.format(Locale.ROOT, "%,d", actual), actual);
    }

    private void check(String name, long expected, String actualText, long actual) {
        checks.add(new LiveStreamSummary.Check(name, String.format(Locale.ROOT, "%,d", expected), actualText,
                expected == actual));
    }

    private static List<Unit> currencies(TrialBalance tb) {
        TreeSet<String> codes = new TreeSet<>();
        tb.balances().values().forEach(m -> m.keySet().stream().filter(Unit::isMoney)
                .forEach(u -> codes.add(u.code())));
        List<Unit> out = new ArrayList<>();
        codes.forEach(c -> out.add(new Unit(c)));
        return out;
    }

    private static long platform(TrialBalance tb, AccountType type, Unit unit) {
        return tb.balance(AccountRef.platform(type), unit);
    }

    private static long users(TrialBalance tb, AccountType type, Unit unit) {
        long sum = 0;
        for (Map.Entry<AccountRef, Map<Unit, Long>> e : tb.balances().entrySet()) {
            if (e.getKey().type() == type) {
                sum = Math.addExact(sum, e.getValue().getOrDefault(unit, 0L));
            }
        }
        return sum;
    }

    private static String money(Unit unit, long minor) {
        return SummaryText.money(Money.ofMinor(unit.code(), minor));
    }
}
