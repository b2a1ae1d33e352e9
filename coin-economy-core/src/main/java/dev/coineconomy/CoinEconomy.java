package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.internal.Account;
import dev.coineconomy.internal.CatalogIndex;
import dev.coineconomy.internal.InMemoryLedger;
import dev.coineconomy.internal.Journal;
import dev.coineconomy.internal.RequestIndex;
import dev.coineconomy.internal.Rules;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Posting;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The coin economy: the facade a host application calls. Viewers {@link #purchase buy coin packs},
 * {@link #sendGift send gifts} to creators, and creators {@link #withdraw cash out} their diamonds.
 * There is deliberately no way to transfer coins between users or to turn coins into cash.
 *
 * <p>Every command carries a {@link RequestId}. An accepted command appends one journal entry whose
 * postings balance per unit and returns a receipt; retrying it returns the same receipt and changes
 * nothing; using its id for a different command is {@link RejectionCode#REQUEST_CONFLICT}. A rejected
 * command throws {@link EconomyException} and writes nothing at all, not even its request id.
 * Bad arguments (nulls, a quantity below 1) are {@link NullPointerException} or
 * {@link IllegalArgumentException} and change nothing either. Two conditions of the environment, not
 * of the command, are {@link IllegalStateException} and also change nothing: a clock instant outside
 * the years 1678 to 2261 (the journal stores epoch nanoseconds), and an in-memory journal that holds
 * its maximum of {@code Integer.MAX_VALUE - 4096} entries.
 *
 * <p>Thread-safe. Commands with different request ids run in parallel: a gift debits its sender with a
 * compare-and-set and credits its creator with a striped add, so gifts from many viewers to one hot
 * creator take no common lock. Wallets are cached balances kept in step with the journal;
 * {@link #trialBalance()} recomputes them from the journal alone.
 *
 * <pre>{@code
 * CoinEconomy economy = CoinEconomy.builder()
 *         .catalog(Catalog.reference())
 *         .policy(EconomyPolicy.reference())
 *         .build();
 * economy.purchase(RequestId.of("p-1"), viewer, "coins-330", Region.of("US"));
 * economy.sendGift(RequestId.of("g-1"), viewer, creator, "hand-hearts", 3);
 * }</pre>
 */
public final class CoinEconomy {

    private static final Logger LOG = LoggerFactory.getLogger(CoinEconomy.class);

    private final CatalogIndex catalog;
    private final EconomyPolicy policy;
    private final Clock clock;
    private final InMemoryLedger ledger;
    private final Journal journal;
    private final RequestIndex requests;
    private final long maxCoinsIssued;

    private CoinEconomy(Builder b) {
        this.catalog = new CatalogIndex(b.catalog);
        this.policy = b.policy;
        this.clock = b.clock;
        this.ledger = new InMemoryLedger(catalog, policy.version(), policy.payout().diamondValue().currency());
        this.journal = ledger.journal();
        this.requests = ledger.requests();
        this.maxCoinsIssued = policy.conversion().maxCoinsReceived();
    }

    /**
     * Starts configuring an economy (reference catalog and policy, system UTC clock, in memory).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the catalog that prices every command */
    public Catalog catalog() {
        return catalog.catalog();
    }

    /** @return the policy in force */
    public EconomyPolicy policy() {
        return policy;
    }

    // ---- commands ----------------------------------------------------------------------------

    /**
     * Buys a coin pack in the app ({@link Channel#APP}).
     *
     * @param requestId the idempotency key
     * @param user      the buyer
     * @param packId    the pack, e.g. {@code "coins-330"}
     * @param region    the buyer's region
     * @return the receipt (the original one if this request was already accepted)
     * @throws EconomyException {@code UNKNOWN_PACK}, {@code NOT_SOLD_IN_REGION}, {@code COIN_SUPPLY_LIMIT},
     *                          {@code REQUEST_CONFLICT}
     * @see #purchase(RequestId, UserId, String, Region, Channel)
     */
    public PurchaseReceipt purchase(RequestId requestId, UserId user, String packId, Region region) {
        return purchase(requestId, user, packId, region, Channel.APP);
    }

    /**
     * Buys a coin pack: credits its coins to the user at the catalog's price for the region and channel.
     * The host calls this once the payment has succeeded.
     *
     * @param requestId the idempotency key
     * @param user      the buyer
     * @param packId    the pack, e.g. {@code "coins-330"}
     * @param region    the buyer's region
     * @param channel   where the pack was bought
     * @return the receipt (the original one if this request was already accepted)
     * @throws EconomyException {@code UNKNOWN_PACK}, {@code NOT_SOLD_IN_REGION}, {@code COIN_SUPPLY_LIMIT},
     *                          {@code REQUEST_CONFLICT}
     */
    public PurchaseReceipt purchase(RequestId requestId, UserId user, String packId, Region region, Channel channel) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(channel, "channel");
        byte[] key = RequestIndex.key(requestId);
        int hash = RequestIndex.hash(key);
        RequestIndex.Stripe stripe = requests.stripe(hash);
        synchronized (stripe) {
            int existing = requests.find(stripe, hash, key);
            if (existing >= 0) {
                return retry(existing, requestId, PurchaseReceipt.class,
                        r -> r.user().equals(user) && r.packId().equals(packId)
                                && r.region().equals(region) && r.channel() == channel);
            }
            try {
                Instant now = clock.instant();
                long nanos = InMemoryLedger.toNanos(now);
                journal.requireCapacity();
                CatalogIndex.PriceRow row = Rules.priceRow(catalog, packId, region, channel);
                long coins = row.pack().coins().amount();
                long issued;
                do {
                    issued = ledger.coinsIssued().get();
                    Rules.checkSupply(issued, coins, maxCoinsIssued);
                } while (!ledger.coinsIssued().compareAndSet(issued, issued + coins));
                Account account = ledger.users().getOrCreate(user);
                // Append before crediting: a gift that spends these coins can only see them once this
                // entry holds its slot, so it is journalled after the purchase that funded it.
                int slot = journal.append(Journal.PURCHASE, nanos, account.index(), -1,
                        row.index(), coins, row.priceMinorUnits(), key);
                account.creditCoins(coins);
                requests.insert(stripe, hash, slot);
                return new PurchaseReceipt(requestId, slot + 1L, now, user, packId, region, channel,
                        row.pack().coins(), row.price(), catalog.catalog().version(), policy.version());
            } catch (EconomyException e) {
                throw rejected("purchase", requestId, e);
            }
        }
    }

    /**
     * Sends {@code quantity} gifts from a viewer to a creator: {@code quantity × price} coins leave the
     * sender, and the creator is credited diamonds per the policy's ratio with exact carry.
     *
     * @param requestId the idempotency key
     * @param sender    the viewer who pays
     * @param creator   the creator who receives
     * @param giftId    the gift, e.g. {@code "hand-hearts"}
     * @param quantity  how many, at least 1
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code quantity < 1} or {@code quantity × price} overflows
     * @throws EconomyException         {@code UNKNOWN_GIFT}, {@code SELF_GIFT}, {@code INSUFFICIENT_COINS},
     *                                  {@code REQUEST_CONFLICT}
     */
    public GiftReceipt sendGift(RequestId requestId, UserId sender, UserId creator, String giftId, long quantity) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(giftId, "giftId");
        if (quantity < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantity must be at least 1, got %d", quantity));
        }
        byte[] key = RequestIndex.key(requestId);
        int hash = RequestIndex.hash(key);
        RequestIndex.Stripe stripe = requests.stripe(hash);
        synchronized (stripe) {
            int existing = requests.find(stripe, hash, key);
            if (existing >= 0) {
                return retry(existing, requestId, GiftReceipt.class,
                        r -> r.sender().equals(sender) && r.creator().equals(creator)
                                && r.giftId().equals(giftId) && r.quantity() == quantity);
            }
            try {
                Instant now = clock.instant();
                long nanos = InMemoryLedger.toNanos(now);
                journal.requireCapacity();
                CatalogIndex.GiftSlot gift = Rules.gift(catalog, giftId);
                Rules.checkNotSelf(sender, creator);
                long coins = Rules.giftCost(gift, quantity);
                Account from = ledger.users().find(sender);
                long shortBalance = from == null ? 0 : from.tryDebitCoins(coins);
                if (from == null || shortBalance >= 0) {
                    throw Rules.insufficientCoins(sender, coins, from == null ? 0 : shortBalance);
                }
                Account to = ledger.users().getOrCreate(creator);
                long diamonds = to.reserveGift(policy.conversion(), coins);
                int slot = journal.append(Journal.GIFT, nanos, from.index(), to.index(),
                        gift.index(), coins, diamonds, key);
                to.creditDiamonds(diamonds); // after the entry: no withdrawal is journalled before its gift
                requests.insert(stripe, hash, slot);
                return new GiftReceipt(requestId, slot + 1L, now, sender, creator, giftId, quantity,
                        Coins.of(coins), Diamonds.of(diamonds), catalog.catalog().version(), policy.version());
            } catch (EconomyException e) {
                throw rejected("gift", requestId, e);
            }
        }
    }

    /**
     * Cashes out diamonds: debits them from the creator and pays their exact value in whole minor
     * units. The count must be worth a whole number of cents (a multiple of
     * {@link dev.coineconomy.policy.DiamondValue#diamondStep()}, 2 at the reference rate); the payout must
     * reach the minimum and keep the creator's total for the calendar day (in the policy's zone) within
     * the daily limit. Both bounds are inclusive.
     *
     * @param requestId the idempotency key
     * @param creator   the creator
     * @param diamonds  the diamonds to cash out, at least 1
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code diamonds} is zero
     * @throws EconomyException         {@code NOT_WHOLE_CENTS}, {@code BELOW_MINIMUM_WITHDRAWAL},
     *                                  {@code INSUFFICIENT_DIAMONDS}, {@code DAILY_WITHDRAWAL_LIMIT},
     *                                  {@code REQUEST_CONFLICT}
     */
    public WithdrawalReceipt withdraw(RequestId requestId, UserId creator, Diamonds diamonds) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(diamonds, "diamonds");
        if (diamonds.isZero()) {
            throw new IllegalArgumentException("diamonds to withdraw must be at least 1, got 0");
        }
        byte[] key = RequestIndex.key(requestId);
        int hash = RequestIndex.hash(key);
        RequestIndex.Stripe stripe = requests.stripe(hash);
        synchronized (stripe) {
            int existing = requests.find(stripe, hash, key);
            if (existing >= 0) {
                return retry(existing, requestId, WithdrawalReceipt.class,
                        r -> r.creator().equals(creator) && r.diamondsDebited().equals(diamonds));
            }
            try {
                PayoutPolicy payout = policy.payout();
                Instant now = clock.instant();
                long nanos = InMemoryLedger.toNanos(now);
                journal.requireCapacity();
                LocalDate day = LocalDate.ofInstant(now, payout.dayZone());
                Account account = ledger.users().find(creator);
                if (account == null) {
                    Rules.withdrawal(payout, creator, diamonds.amount(), 0, 0, day);
                    throw new IllegalStateException("a creator without an account cannot withdraw");
                }
                long paid;
                synchronized (account) {
                    paid = Rules.withdrawal(payout, creator, diamonds.amount(), account.diamonds(),
                            account.withdrawnOn(day), day);
                    account.debitDiamonds(diamonds.amount());
                    account.recordWithdrawal(day, paid);
                }
                int slot = journal.append(Journal.WITHDRAWAL, nanos, account.index(), -1, -1,
                        diamonds.amount(), paid, key);
                requests.insert(stripe, hash, slot);
                return new WithdrawalReceipt(requestId, slot + 1L, now, creator, diamonds,
                        Money.ofMinor(payout.diamondValue().currency(), paid), catalog.catalog().version(),
                        policy.version());
            } catch (EconomyException e) {
                throw rejected("withdrawal", requestId, e);
            }
        }
    }

    private <R extends Receipt> R retry(int slot, RequestId requestId, Class<R> type,
                                        java.util.function.Predicate<R> sameCommand) {
        Receipt original = ledger.receipt(slot);
        if (type.isInstance(original) && sameCommand.test(type.cast(original))) {
            return type.cast(original);
        }
        throw rejected("retry", requestId, Rules.reject(RejectionCode.REQUEST_CONFLICT,
                String.format(Locale.ROOT,
                        "request id %s was already used by a different accepted command (entry %d)",
                        requestId, original.sequence()),
                "requestId", requestId, "existing", original));
    }

    private static EconomyException rejected(String command, RequestId requestId, EconomyException e) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("rejected {} {}: {}", command, requestId, e.getMessage());
        }
        return e;
    }

    // ---- queries -----------------------------------------------------------------------------

    /**
     * A user's balances. A user unknown to the economy has an empty wallet.
     *
     * @param user the user
     * @return the wallet
     */
    public Wallet wallet(UserId user) {
        Objects.requireNonNull(user, "user");
        Account a = ledger.users().find(user);
        return a == null ? new Wallet(user, Coins.zero(), Diamonds.zero())
                : new Wallet(user, Coins.of(a.coins()), Diamonds.of(a.diamonds()));
    }

    /**
     * Every accepted entry that touches the user's accounts (purchases, gifts sent, gifts received,
     * withdrawals), oldest first. Scans the journal.
     *
     * @param user the user
     * @return the entries, oldest first; empty for an unknown user
     */
    public List<JournalEntry> statement(UserId user) {
        Objects.requireNonNull(user, "user");
        Account a = ledger.users().find(user);
        List<JournalEntry> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        int n = journal.reservedSize();
        for (int i = 0; i < n && journal.isCommitted(i); i++) {
            if (ledger.involves(i, a.index())) {
                out.add(ledger.entry(i));
            }
        }
        return out;
    }

    /**
     * A page of the journal, oldest first.
     *
     * @param fromSequence the first sequence to include, from 1
     * @param limit        the most entries to return, at least 1
     * @return the committed entries with {@code sequence >= fromSequence}, at most {@code limit}
     */
    public List<JournalEntry> journal(long fromSequence, int limit) {
        if (fromSequence < 1 || limit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fromSequence and limit must be at least 1, got %d and %d", fromSequence, limit));
        }
        List<JournalEntry> out = new ArrayList<>();
        int n = journal.reservedSize();
        for (long s = fromSequence; s <= n && out.size() < limit; s++) {
            int i = (int) (s - 1);
            if (!journal.isCommitted(i)) {
                break;
            }
            out.add(ledger.entry(i));
        }
        return out;
    }

    /** @return the number of committed journal entries */
    public long journalSize() {
        return journal.committedSize();
    }

    /**
     * The entry of an accepted request.
     *
     * @param requestId the request id
     * @return its entry, or empty if no accepted command used that id
     */
    public Optional<JournalEntry> entry(RequestId requestId) {
        byte[] key = RequestIndex.key(Objects.requireNonNull(requestId, "requestId"));
        int hash = RequestIndex.hash(key);
        RequestIndex.Stripe stripe = requests.stripe(hash);
        int slot;
        synchronized (stripe) {
            slot = requests.find(stripe, hash, key);
        }
        return slot < 0 ? Optional.empty() : Optional.of(ledger.entry(slot));
    }

    /**
     * What a creator may still withdraw on the current calendar day (in the policy's zone).
     *
     * @param creator the creator
     * @return the daily limit minus today's payouts
     */
    public Money remainingWithdrawalToday(UserId creator) {
        Objects.requireNonNull(creator, "creator");
        PayoutPolicy payout = policy.payout();
        LocalDate day = LocalDate.ofInstant(clock.instant(), payout.dayZone());
        Account a = ledger.users().find(creator);
        long today;
        if (a == null) {
            today = 0;
        } else {
            synchronized (a) {
                today = a.withdrawnOn(day);
            }
        }
        return payout.dailyLimit().minus(Money.ofMinor(payout.diamondValue().currency(), today));
    }

    /**
     * Recomputes every balance from the journal alone (ignoring the cached wallets): the sum of all
     * postings per account and unit, over the committed journal.
     *
     * @return the trial balance
     */
    public TrialBalance trialBalance() {
        Map<AccountRef, Map<Unit, Long>> balances = new LinkedHashMap<>();
        int n = journal.reservedSize();
        long entries = 0;
        for (int i = 0; i < n && journal.isCommitted(i); i++) {
            for (Posting p : ledger.entry(i).postings()) {
                balances.computeIfAbsent(p.account(), k -> new LinkedHashMap<>())
                        .merge(p.unit(), p.amount(), Math::addExact);
            }
            entries++;
        }
        return new TrialBalance(entries, balances);
    }

    /**
     * Configures a {@link CoinEconomy}. Not thread-safe; the built economy is.
     */
    public static final class Builder {
        private Catalog catalog = Catalog.reference();
        private EconomyPolicy policy = EconomyPolicy.reference();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The catalog (default {@link Catalog#reference()}).
         *
         * @param value the catalog
         * @return this builder
         */
        public Builder catalog(Catalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /**
         * The policy (default {@link EconomyPolicy#reference()}).
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(EconomyPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * The clock that stamps entries and decides the calendar day of withdrawals (default
         * {@link Clock#systemUTC()}).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds an empty, thread-safe, in-memory economy.
         *
         * @return the economy
         */
        public CoinEconomy build() {
            return new CoinEconomy(this);
        }
    }
}
