package dev.coineconomy.examples;

import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RefundReceipt;
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
 *   <li>coins sold + coins granted = coins held + spent + refunded + charged back; diamonds issued =
 *       diamonds held + in payout + redeemed + clawed back (a withdrawal is a pending payout until the host
 *       settles it); per currency, gross sales = refunds + chargebacks + store fees + tax + deferred revenue
 *       + recognized revenue − chargeback losses;</li>
 *   <li>the journal holds exactly the accepted receipts, in order, and nothing else;</li>
 *   <li>the receipts' totals equal the platform accounts, and per user they sum to the wallet, which
 *       equals the user's accounts in the trial balance;</li>
 *   <li>exact carry: the creator's diamonds earned are {@code floor(coins received × ratio)}.</li>
 * </ul>
 */
public final class ConservationCheck {

    private static final int PAGE = 1_000;

    private final CoinEconomy economy;
    private final List<Receipt> receipts;
    private final List<PurchaseReceipt> purchases = new ArrayList<>();
    private final List<GiftReceipt> gifts = new ArrayList<>();
    private final List<WithdrawalReceipt> withdrawals = new ArrayList<>();
    private final List<LiveStreamSummary.Check> checks = new ArrayList<>();

    /**
     * Prepares the audit.
     *
     * @param economy  the economy after the run
     * @param receipts every accepted command's receipt, once each
     */
    public ConservationCheck(CoinEconomy economy, List<? extends Receipt> receipts) {
        this.economy = Objects.requireNonNull(economy, "economy");
        this.receipts = List.copyOf(receipts);
        for (Receipt r : this.receipts) {
            if (r instanceof PurchaseReceipt p) {
                purchases.add(p);
            } else if (r instanceof GiftReceipt g) {
                gifts.add(g);
            } else if (r instanceof WithdrawalReceipt w) {
                withdrawals.add(w);
            }
        }
    }

    private <T extends Receipt> long sum(Class<T> type, java.util.function.ToLongFunction<T> amount) {
        return receipts.stream().filter(type::isInstance).map(type::cast).mapToLong(amount).sum();
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
        receipts.forEach(r -> bySequence.put(r.sequence(), r));
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
        long coinsIssued = -platform(tb, AccountType.COIN_ISSUANCE, Unit.COINS)
                - platform(tb, AccountType.PROMOTIONAL_COINS, Unit.COINS);
        long coinsHeld = users(tb, AccountType.USER_COINS, Unit.COINS);
        long coinsSpent = platform(tb, AccountType.COINS_SPENT, Unit.COINS);
        long coinsReversed = platform(tb, AccountType.COINS_REFUNDED, Unit.COINS)
                + platform(tb, AccountType.COINS_CHARGED_BACK, Unit.COINS);
        check("coins sold + granted = held + spent + refunded/charged back", coinsIssued,
                String.format(Locale.ROOT, "%,d + %,d + %,d", coinsHeld, coinsSpent, coinsReversed),
                coinsHeld + coinsSpent + coinsReversed);
        long diamondsIssued = -platform(tb, AccountType.DIAMOND_ISSUANCE, Unit.DIAMONDS);
        long diamondsHeld = users(tb, AccountType.USER_DIAMONDS, Unit.DIAMONDS)
                + users(tb, AccountType.USER_DIAMONDS_HELD, Unit.DIAMONDS);
        long inPayout = users(tb, AccountType.USER_DIAMONDS_IN_PAYOUT, Unit.DIAMONDS);
        long redeemed = platform(tb, AccountType.DIAMONDS_REDEEMED, Unit.DIAMONDS)
                + platform(tb, AccountType.DIAMONDS_CLAWED_BACK, Unit.DIAMONDS);
        check("diamonds issued = held + in payout + redeemed", diamondsIssued,
                String.format(Locale.ROOT, "%,d + %,d + %,d", diamondsHeld, inPayout, redeemed),
                diamondsHeld + inPayout + redeemed);
        for (Unit unit : currencies(tb)) {
            long sales = -platform(tb, AccountType.GROSS_SALES, unit);
            long fees = platform(tb, AccountType.STORE_FEES, unit);
            long tax = platform(tb, AccountType.TAX_PAYABLE, unit);
            long deferred = platform(tb, AccountType.DEFERRED_REVENUE, unit);
            long recognized = platform(tb, AccountType.RECOGNIZED_REVENUE, unit);
            long reversed = platform(tb, AccountType.SALES_REFUNDS, unit) + platform(tb, AccountType.CHARGEBACKS, unit);
            long losses = platform(tb, AccountType.CHARGEBACK_LOSSES, unit);
            checks.add(new LiveStreamSummary.Check(unit + " gross sales = reversed + fees + tax + deferred + recognized"
                    + " - losses", money(unit, sales), money(unit, reversed) + " + " + money(unit, fees) + " + "
                    + money(unit, tax) + " + " + money(unit, deferred) + " + " + money(unit, recognized) + " - "
                    + money(unit, -losses), sales == reversed + fees + tax + deferred + recognized + losses));
        }
    }

    private void receipts(TrialBalance tb) {
        long bought = purchases.stream().mapToLong(r -> r.coins().amount()).sum();
        count("receipts: coins bought = coins issued", bought,
                -platform(tb, AccountType.COIN_ISSUANCE, Unit.COINS));
        count("receipts: coins granted = promotional coins", sum(GrantReceipt.class, r -> r.coins().amount()),
                -platform(tb, AccountType.PROMOTIONAL_COINS, Unit.COINS));
        count("receipts: coins refunded", sum(RefundReceipt.class, r -> r.coinsRemoved().amount()),
                platform(tb, AccountType.COINS_REFUNDED, Unit.COINS));
        count("receipts: coins charged back", sum(ChargebackReceipt.class, r -> r.coinsRemoved().amount()),
                platform(tb, AccountType.COINS_CHARGED_BACK, Unit.COINS));
        long giftCoins = gifts.stream().mapToLong(r -> r.coinsSpent().amount()).sum();
        count("receipts: gift coins = coins spent", giftCoins, platform(tb, AccountType.COINS_SPENT, Unit.COINS));
        long credited = gifts.stream().mapToLong(r -> r.diamondsCredited().amount()).sum();
        count("receipts: diamonds credited = issued", credited,
                -platform(tb, AccountType.DIAMOND_ISSUANCE, Unit.DIAMONDS));
        long debited = withdrawals.stream().mapToLong(r -> r.diamondsDebited().amount()).sum()
                - sum(PayoutFailedReceipt.class, r -> r.diamonds().amount());
        count("receipts: diamonds withdrawn - failed = in payout + redeemed", debited,
                users(tb, AccountType.USER_DIAMONDS_IN_PAYOUT, Unit.DIAMONDS)
                        + platform(tb, AccountType.DIAMONDS_REDEEMED, Unit.DIAMONDS));
        count("receipts: diamonds settled = redeemed", sum(PayoutSettledReceipt.class, r -> r.diamonds().amount()),
                platform(tb, AccountType.DIAMONDS_REDEEMED, Unit.DIAMONDS));
        Map<String, Long> sales = new TreeMap<>();
        purchases.forEach(r -> sales.merge(r.price().currency().getCurrencyCode(), r.price().toMinorUnits(),
                Math::addExact));
        Map<String, Long> paid = new TreeMap<>();
        receipts.stream().filter(r -> r instanceof PayoutSettledReceipt).map(r -> ((PayoutSettledReceipt) r).paid())
                .forEach(m -> paid.merge(m.currency().getCurrencyCode(), m.toMinorUnits(), Math::addExact));
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
            long paidTb = platform(tb, AccountType.PAYOUTS_PAID, unit);
            checks.add(new LiveStreamSummary.Check("receipts: " + code + " settled payouts = payouts paid",
                    money(unit, p), money(unit, paidTb), p == paidTb));
        }
    }

    private void wallets(TrialBalance tb, List<UserId> users) {
        Map<UserId, long[]> fromReceipts = new HashMap<>();
        for (Receipt r : receipts) {
            if (r instanceof PurchaseReceipt p) {
                fromReceipts.computeIfAbsent(p.user(), k -> new long[2])[0] += p.coins().amount();
            } else if (r instanceof GrantReceipt g) {
                fromReceipts.computeIfAbsent(g.user(), k -> new long[2])[0] += g.coins().amount();
            } else if (r instanceof RefundReceipt f) {
                fromReceipts.computeIfAbsent(f.user(), k -> new long[2])[0] -= f.coinsRemoved().amount();
            } else if (r instanceof ChargebackReceipt c) {
                fromReceipts.computeIfAbsent(c.user(), k -> new long[2])[0] -= c.coinsRemoved().amount();
            } else if (r instanceof PayoutFailedReceipt f) {
                fromReceipts.computeIfAbsent(f.creator(), k -> new long[2])[1] += f.diamonds().amount();
            }
        }
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
            long coins = w.coins().amount() - w.coinsOwed().amount();
            if (sums[0] == coins && sums[1] == w.diamonds().amount()) {
                receiptsMatch++;
            }
            if (tb.balance(AccountRef.user(AccountType.USER_COINS, u), Unit.COINS) == coins
                    && tb.balance(AccountRef.user(AccountType.USER_DIAMONDS, u), Unit.DIAMONDS)
                    == w.diamonds().amount()) {
                ledgerMatch++;
            }
            coinsInWallets += coins;
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
