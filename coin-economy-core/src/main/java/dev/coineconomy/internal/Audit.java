package dev.coineconomy.internal;

import dev.coineconomy.GiftReceipt;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.finance.Lot;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.AuditFinding;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.policy.DiamondValue;
import dev.coineconomy.store.LedgerStore;
import dev.coineconomy.store.UserState;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a store's whole journal from nothing and checks it against itself and against the store's
 * cached state. Read only: it never writes (it locks each user briefly to read the user's records).
 *
 * <p>Finding codes: {@code UNREADABLE_JOURNAL}, {@code UNBALANCED_ENTRY}, {@code SEQUENCE_ORDER},
 * {@code DUPLICATE_REQUEST}, {@code POSTING_TOTALS} (the store's totals differ from the replay),
 * {@code NOT_CONSERVED}, {@code WRONG_SIGN} (a platform account on the wrong side of zero),
 * {@code NEGATIVE_BALANCE} (a user account below zero that no policy allows), {@code WALLET_MISMATCH}
 * (cached coins or diamonds), {@code HELD_MISMATCH}, {@code IN_PAYOUT_MISMATCH}, {@code DEBT_MISMATCH},
 * {@code LOTS_MISMATCH} (coins ≠ lots' remaining coins − debt), {@code DEFERRED_MISMATCH} (deferred revenue
 * ≠ lots' remaining net), {@code PAYABLE_MISMATCH} (creator payable ≠ Σ floor(earned·v) − floor(removed·v)).
 */
public final class Audit {

    private static final int PAGE = 1_000;

    private static final Set<AccountType> SOURCES = EnumSet.of(AccountType.COIN_ISSUANCE,
            AccountType.PROMOTIONAL_COINS, AccountType.DIAMOND_ISSUANCE, AccountType.GROSS_SALES,
            AccountType.CREATOR_COST, AccountType.PROMOTION_EXPENSE);
    private static final Set<AccountType> HOLDERS = EnumSet.of(AccountType.COINS_SPENT, AccountType.COINS_REFUNDED,
            AccountType.COINS_CHARGED_BACK, AccountType.DIAMONDS_REDEEMED, AccountType.DIAMONDS_CLAWED_BACK,
            AccountType.STORE_FEES, AccountType.TAX_PAYABLE, AccountType.DEFERRED_REVENUE,
            AccountType.RECOGNIZED_REVENUE, AccountType.CREATOR_PAYABLE, AccountType.PAYOUTS_PAID,
            AccountType.SALES_REFUNDS, AccountType.CHARGEBACKS);

    private Audit() {
    }

    /**
     * Audits a store.
     *
     * @param store the store
     * @param value the diamond value that books creator payable
     * @return the findings, empty on a healthy ledger
     */
    public static List<AuditFinding> run(LedgerStore store, DiamondValue value) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(value, "value");
        List<AuditFinding> out = new ArrayList<>();
        Map<AccountRef, Map<Unit, Long>> balances = new HashMap<>();
        Map<UserId, Long> earned = new HashMap<>();
        Set<UserId> users = new LinkedHashSet<>();
        Set<RequestId> ids = new HashSet<>();
        long last = 0;
        long from = 1;
        while (true) {
            long start = from;
            List<JournalEntry> page;
            try {
                page = store.transact(tx -> tx.entries(start, PAGE));
            } catch (RuntimeException e) {
                out.add(finding("UNREADABLE_JOURNAL", String.format(Locale.ROOT,
                        "the journal cannot be read from sequence %d: %s", start, e), "fromSequence", start));
                return out;
            }
            for (JournalEntry e : page) {
                if (e.sequence() <= last) {
                    out.add(finding("SEQUENCE_ORDER", String.format(Locale.ROOT,
                            "entry %d follows entry %d", e.sequence(), last), "sequence", e.sequence()));
                }
                last = e.sequence();
                if (!ids.add(e.requestId())) {
                    out.add(finding("DUPLICATE_REQUEST", String.format(Locale.ROOT,
                            "request id %s appears twice (again at entry %d)", e.requestId(), e.sequence()),
                            "requestId", e.requestId()));
                }
                Map<Unit, Long> sums = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
                for (Posting p : e.postings()) {
                    sums.merge(p.unit(), p.amount(), Math::addExact);
                    balances.computeIfAbsent(p.account(), k -> new HashMap<>()).merge(p.unit(), p.amount(), Math::addExact);
                    p.account().ownerId().ifPresent(users::add);
                }
                sums.forEach((u, s) -> {
                    if (s != 0) {
                        out.add(finding("UNBALANCED_ENTRY", String.format(Locale.ROOT,
                                "entry %d does not balance in %s: sum %d", e.sequence(), u, s),
                                "sequence", e.sequence(), "unit", u.code(), "sum", s));
                    }
                });
                users.addAll(EntryUsers.of(e));
                if (e.receipt() instanceof GiftReceipt g) {
                    earned.merge(g.creator(), g.diamondsCredited().amount(), Math::addExact);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
        checkTotals(store, balances, out);
        checkSigns(balances, out);
        checkUsers(store, balances, users, out);
        checkPayable(balances, earned, users, value, out);
        return out;
    }

    private static void checkTotals(LedgerStore store, Map<AccountRef, Map<Unit, Long>> balances,
                                    List<AuditFinding> out) {
        Map<AccountRef, Map<Unit, Long>> stored = store.postingTotals();
        Set<AccountRef> accounts = new LinkedHashSet<>(balances.keySet());
        accounts.addAll(stored.keySet());
        Map<Unit, Long> perUnit = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
        for (AccountRef a : accounts) {
            Set<Unit> units = new LinkedHashSet<>(balances.getOrDefault(a, Map.of()).keySet());
            units.addAll(stored.getOrDefault(a, Map.of()).keySet());
            for (Unit u : units) {
                long replay = balance(balances, a, u);
                long total = stored.getOrDefault(a, Map.of()).getOrDefault(u, 0L);
                perUnit.merge(u, replay, Math::addExact);
                if (replay != total) {
                    out.add(finding("POSTING_TOTALS", String.format(Locale.ROOT,
                            "the store totals %d %s on %s, the journal replay %d", total, u, a, replay),
                            "account", a.toString(), "unit", u.code(), "store", total, "replay", replay));
                }
            }
        }
        perUnit.forEach((u, sum) -> {
            if (sum != 0) {
                out.add(finding("NOT_CONSERVED", String.format(Locale.ROOT,
                        "the accounts in %s sum to %d, not 0", u, sum), "unit", u.code(), "sum", sum));
            }
        });
    }

    private static void checkSigns(Map<AccountRef, Map<Unit, Long>> balances, List<AuditFinding> out) {
        balances.forEach((a, byUnit) -> byUnit.forEach((u, b) -> {
            boolean wrong = a.type().isUserAccount() ? a.type() != AccountType.USER_COINS && b < 0
                    : SOURCES.contains(a.type()) ? b > 0 : HOLDERS.contains(a.type()) && b < 0;
            if (wrong) {
                out.add(finding(a.type().isUserAccount() ? "NEGATIVE_BALANCE" : "WRONG_SIGN", String.format(Locale.ROOT,
                        "%s holds %d %s", a, b, u), "account", a.toString(), "unit", u.code(), "balance", b));
            }
        }));
    }

    private static void checkUsers(LedgerStore store, Map<AccountRef, Map<Unit, Long>> balances, Set<UserId> users,
                                   List<AuditFinding> out) {
        Map<Currency, Long> deferred = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (UserId user : users) {
            long coins = balance(balances, AccountRef.user(AccountType.USER_COINS, user), Unit.COINS);
            long available = balance(balances, AccountRef.user(AccountType.USER_DIAMONDS, user), Unit.DIAMONDS);
            long held = balance(balances, AccountRef.user(AccountType.USER_DIAMONDS_HELD, user), Unit.DIAMONDS);
            long inPayout = balance(balances, AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, user), Unit.DIAMONDS);
            List<Lot> lots = new ArrayList<>();
            long[] cached = store.transact(tx -> {
                lots.clear();
                UserState s = tx.user(user).orElse(UserState.empty(user));
                long debt = 0;
                if (tx.user(user).isPresent()) {
                    tx.lockUser(user);
                    debt = tx.counter(user, FinanceState.DEBT);
                    for (FinanceState.StoredLot l : FinanceState.lots(tx, user)) {
                        lots.add(l.lot());
                    }
                }
                return new long[] {s.coins(), s.diamonds(), tx.peekCounter(user, FinanceState.HELD_DIAMONDS),
                    tx.peekCounter(user, FinanceState.IN_PAYOUT), debt, Lots.remaining(lots)};
            });
            Lots.deferred(lots).forEach((c, x) -> deferred.merge(c, x, Math::addExact));
            if (cached[0] != coins || cached[1] != available) {
                out.add(finding("WALLET_MISMATCH", String.format(Locale.ROOT,
                        "user %s: cached wallet %d coins, %d diamonds; journal %d coins, %d diamonds",
                        user, cached[0], cached[1], coins, available),
                        "user", user, "cachedCoins", cached[0], "coins", coins, "cachedDiamonds", cached[1],
                        "diamonds", available));
            }
            if (cached[2] != held) {
                out.add(finding("HELD_MISMATCH", String.format(Locale.ROOT,
                        "user %s: cached %d diamonds held, journal %d", user, cached[2], held),
                        "user", user, "cached", cached[2], "journal", held));
            }
            if (cached[3] != inPayout) {
                out.add(finding("IN_PAYOUT_MISMATCH", String.format(Locale.ROOT,
                        "user %s: cached %d diamonds in payout, journal %d", user, cached[3], inPayout),
                        "user", user, "cached", cached[3], "journal", inPayout));
            }
            if (coins < 0 && -coins != cached[4]) {
                out.add(finding("DEBT_MISMATCH", String.format(Locale.ROOT,
                        "user %s has %d coins but owes %d after chargebacks", user, coins, cached[4]),
                        "user", user, "coins", coins, "owed", cached[4]));
            }
            if (coins != cached[5] - cached[4]) {
                out.add(finding("LOTS_MISMATCH", String.format(Locale.ROOT,
                        "user %s has %d coins; lots hold %d and the user owes %d", user, coins, cached[5], cached[4]),
                        "user", user, "coins", coins, "lots", cached[5], "owed", cached[4]));
            }
        }
        Set<Currency> currencies = new LinkedHashSet<>(deferred.keySet());
        balances.getOrDefault(AccountRef.platform(AccountType.DEFERRED_REVENUE), Map.of()).keySet()
                .forEach(u -> u.currency().ifPresent(currencies::add));
        for (Currency c : currencies) {
            long journal = balance(balances, AccountRef.platform(AccountType.DEFERRED_REVENUE), Unit.of(c));
            long lots = deferred.getOrDefault(c, 0L);
            if (journal != lots) {
                out.add(finding("DEFERRED_MISMATCH", String.format(Locale.ROOT,
                        "deferred revenue is %d %s, the lots' remaining net %d", journal, c, lots),
                        "currency", c.getCurrencyCode(), "journal", journal, "lots", lots));
            }
        }
    }

    private static void checkPayable(Map<AccountRef, Map<Unit, Long>> balances, Map<UserId, Long> earned,
                                     Set<UserId> users, DiamondValue value, List<AuditFinding> out) {
        long expected = 0;
        for (UserId u : users) {
            long e = earned.getOrDefault(u, 0L);
            long outstanding = Math.addExact(Math.addExact(
                    balance(balances, AccountRef.user(AccountType.USER_DIAMONDS, u), Unit.DIAMONDS),
                    balance(balances, AccountRef.user(AccountType.USER_DIAMONDS_HELD, u), Unit.DIAMONDS)),
                    balance(balances, AccountRef.user(AccountType.USER_DIAMONDS_IN_PAYOUT, u), Unit.DIAMONDS));
            long removed = e - outstanding;
            if (removed < 0) {
                out.add(finding("PAYABLE_MISMATCH", String.format(Locale.ROOT,
                        "user %s holds %d diamonds but earned only %d", u, outstanding, e),
                        "user", u, "outstanding", outstanding, "earned", e));
                continue;
            }
            expected = Math.addExact(expected, value.floorMinorUnits(e) - value.floorMinorUnits(removed));
        }
        long journal = balance(balances, AccountRef.platform(AccountType.CREATOR_PAYABLE), Unit.of(value.currency()));
        if (journal != expected) {
            out.add(finding("PAYABLE_MISMATCH", String.format(Locale.ROOT,
                    "creator payable is %d %s; creators' diamonds are worth %d (sum of floor(earned v) - floor(removed v))",
                    journal, value.currency(), expected),
                    "journal", journal, "expected", expected));
        }
    }

    private static long balance(Map<AccountRef, Map<Unit, Long>> balances, AccountRef a, Unit u) {
        return balances.getOrDefault(a, Map.of()).getOrDefault(u, 0L);
    }

    private static AuditFinding finding(String code, String message, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new AuditFinding(code, message, values);
    }
}
