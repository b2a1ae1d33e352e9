package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CatalogSchedule;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.event.EconomyListener;
import dev.coineconomy.internal.EconomyContext;
import dev.coineconomy.internal.Engagement;
import dev.coineconomy.internal.GiftCommand;
import dev.coineconomy.internal.GiftFacts;
import dev.coineconomy.internal.PurchaseCommand;
import dev.coineconomy.internal.WithdrawalCommand;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.StatementCursor;
import dev.coineconomy.ledger.StatementLine;
import dev.coineconomy.ledger.StatementPage;
import dev.coineconomy.ledger.Unit;
import dev.coineconomy.ledger.TrialBalance;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.PayoutPolicy;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.store.LedgerStore;
import dev.coineconomy.store.StoreTransaction;
import dev.coineconomy.store.StoreWork;
import dev.coineconomy.store.UserState;
import dev.coineconomy.stream.EngagementReport;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.stream.StreamSummary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * the years 1678 to 2261 (journals store epoch nanoseconds), and a full in-memory journal. A failing
 * store is {@link dev.coineconomy.store.LedgerStoreException}, again with nothing committed.
 *
 * <p>State lives in a {@link LedgerStore} (in memory by default, or a database through
 * {@link dev.coineconomy.store.JdbcLedgerStore}); each command is one store transaction: its journal entry,
 * balances, counters and request id commit together or not at all. Thread-safe, and several economies
 * may share one database. A gift locks only its sender; its creator's diamonds are a commuting credit,
 * so gifts from many viewers to one hot creator do not queue behind one lock (with a fractional
 * coin → diamond ratio the creator's running total is locked briefly at the end of the transaction).
 * Wallets are cached balances kept in step with the journal; {@link #trialBalance()} recomputes them
 * from the postings alone.
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

    private final EconomyContext ctx;
    private final EconomyPolicy policy;
    private final Clock clock;
    private final LedgerStore store;

    private CoinEconomy(Builder b) {
        this.ctx = new EconomyContext(b.catalog, b.policy, b.clock, b.store != null ? b.store : LedgerStore.inMemory(),
                b.profiles, b.listeners);
        this.policy = b.policy;
        this.clock = b.clock;
        this.store = ctx.store();
    }

    /**
     * Starts configuring an economy (reference catalog and policy, system UTC clock, in memory).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the catalog in force now (the one that prices a command issued now) */
    public Catalog catalog() {
        return ctx.catalogAt(clock.instant()).catalog();
    }

    /**
     * A catalog version, current, past or scheduled.
     *
     * @param version the version
     * @return the catalog, or empty if no catalog of that version was published
     */
    public Optional<Catalog> catalog(String version) {
        return ctx.schedule().version(Objects.requireNonNull(version, "version"));
    }

    /** @return every catalog published, ordered by effective instant */
    public CatalogSchedule catalogs() {
        return ctx.schedule();
    }

    /**
     * Schedules a new catalog: every command from its {@link Catalog#effectiveFrom() effective instant} on
     * is priced by it; earlier commands keep the version that priced them (entries never change), and
     * earlier versions stay queryable with {@link #catalog(String)}. Catalogs live in this economy
     * instance: several instances sharing a database must each publish the same catalogs.
     *
     * @param next the catalog; it must take effect after now (commands stamped with the current instant may
     *             already be priced by the catalog in force) and after the latest one, with a new version.
     *             With a clock that can go back, publish after the latest instant the economy has used.
     * @return the schedule including it
     * @throws IllegalArgumentException if it takes effect now, in the past or not after the latest catalog,
     *                                  or its version was already published
     */
    public CatalogSchedule publish(Catalog next) {
        CatalogSchedule schedule = ctx.publish(next);
        LOG.info("catalog {} published, effective from {}", next.version(), next.effectiveFrom());
        return schedule;
    }

    /** @return the policy in force */
    public EconomyPolicy policy() {
        return policy;
    }

    /** @return the store that holds this economy's state */
    public LedgerStore store() {
        return store;
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
        return command("purchase", requestId,
                new PurchaseCommand(ctx, requestId, user, packId, region, channel));
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
     * @throws EconomyException         {@code UNKNOWN_GIFT}, {@code SELF_GIFT}, {@code UNKNOWN_USER},
     *                                  {@code NOT_ELIGIBLE}, {@code GIFT_NOT_AVAILABLE}, {@code LIMIT_EXCEEDED},
     *                                  {@code INSUFFICIENT_COINS}, {@code REQUEST_CONFLICT}
     * @see #sendGift(RequestId, UserId, UserId, String, long, GiftContext)
     */
    public GiftReceipt sendGift(RequestId requestId, UserId sender, UserId creator, String giftId, long quantity) {
        return sendGift(requestId, sender, creator, giftId, quantity, GiftContext.LIVE);
    }

    /**
     * Sends gifts in a context: {@link GiftContext#LIVE} (a LIVE gift needs the creator eligible to go LIVE
     * when the economy has a profile directory) or {@link GiftContext#VIDEO} (a gift on a video).
     *
     * @param requestId the idempotency key
     * @param sender    the viewer who pays
     * @param creator   the creator who receives
     * @param giftId    the gift
     * @param quantity  how many, at least 1
     * @param context   where the gift is sent
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code quantity < 1} or {@code quantity × price} overflows
     * @throws EconomyException         as {@link #sendGift(RequestId, UserId, UserId, String, long)}
     */
    public GiftReceipt sendGift(RequestId requestId, UserId sender, UserId creator, String giftId, long quantity,
                                GiftContext context) {
        Objects.requireNonNull(context, "context");
        return gift(requestId, sender, creator, giftId, quantity, context, null);
    }

    /**
     * Sends LIVE gifts in a running stream; the gift goes to the stream's creator and counts in the stream's
     * {@link #streamSummary summary}.
     *
     * @param requestId the idempotency key
     * @param sender    the viewer who pays
     * @param stream    the live stream
     * @param giftId    the gift
     * @param quantity  how many, at least 1
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code quantity < 1} or {@code quantity × price} overflows
     * @throws EconomyException         {@code UNKNOWN_STREAM}, {@code STREAM_NOT_LIVE}, and the codes of
     *                                  {@link #sendGift(RequestId, UserId, UserId, String, long)}
     */
    public GiftReceipt sendStreamGift(RequestId requestId, UserId sender, StreamId stream, String giftId,
                                     long quantity) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(giftId, "giftId");
        if (quantity < 1) { // bad arguments before the stream lookup, like every other command
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantity must be at least 1, got %d", quantity));
        }
        UserId creator;
        try {
            creator = ctx.streams().require(stream).creator();
        } catch (EconomyException e) {
            throw rejected("gift", requestId, e);
        }
        return gift(requestId, sender, creator, giftId, quantity, GiftContext.LIVE, stream);
    }

    private GiftReceipt gift(RequestId requestId, UserId sender, UserId creator, String giftId, long quantity,
                             GiftContext context, StreamId stream) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(giftId, "giftId");
        if (quantity < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "quantity must be at least 1, got %d", quantity));
        }
        GiftReceipt receipt = command("gift", requestId,
                new GiftCommand(ctx, requestId, sender, creator, giftId, quantity, context, stream));
        return receipt;
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
        return command("withdrawal", requestId, new WithdrawalCommand(ctx, requestId, creator, diamonds));
    }

    /**
     * Runs a command as one store transaction; after commit, counts a fresh gift in its stream and hands
     * the event to the listeners (in the order this economy appended its entries).
     */
    private <R extends Receipt> R command(String command, RequestId requestId, StoreWork<R> work) {
        EconomyContext.Reservations tickets = ctx.openReservations();
        R receipt = null;
        boolean fresh = false;
        try {
            ctx.clearAppended();
            receipt = store.transact(work);
            fresh = ctx.appended(receipt);
            if (fresh && receipt instanceof GiftReceipt g && g.stream() != null) {
                ctx.streams().find(g.stream()).ifPresent(t -> t.onGift(g));
            }
            return receipt;
        } catch (EconomyException e) {
            throw rejected(command, requestId, e);
        } finally {
            ctx.closeReservations(tickets, receipt, fresh);
        }
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
        UserState s = store.transact(tx -> tx.user(user)).orElse(UserState.empty(user));
        return new Wallet(user, Coins.of(s.coins()), Diamonds.of(s.diamonds()));
    }

    /**
     * Every accepted entry that concerns the user (purchases, gifts sent, gifts received, withdrawals),
     * oldest first.
     *
     * @param user the user
     * @return the entries, oldest first; empty for an unknown user
     */
    public List<JournalEntry> statement(UserId user) {
        Objects.requireNonNull(user, "user");
        List<JournalEntry> out = new ArrayList<>();
        long from = 1;
        while (true) {
            long start = from;
            List<JournalEntry> page = store.transact(tx -> tx.entriesOf(user, start, PAGE));
            out.addAll(page);
            if (page.size() < PAGE) {
                return out;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
    }

    private static final int PAGE = 1_000;

    /**
     * A page of a user's statement with running balances. Start with {@link StatementCursor#start(UserId)}
     * and pass each page's {@code next} cursor to get the following page; no page rescans earlier history.
     *
     * @param cursor where to start (its running balances are taken as given)
     * @param limit  the most lines to return, at least 1
     * @return the page
     */
    public StatementPage statement(StatementCursor cursor, int limit) {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "limit must be at least 1, got %d", limit));
        }
        UserId user = cursor.user();
        List<JournalEntry> entries = store.transact(tx -> tx.entriesOf(user, cursor.afterSequence() + 1, limit + 1));
        AccountRef coinsAccount = AccountRef.user(AccountType.USER_COINS, user);
        AccountRef diamondsAccount = AccountRef.user(AccountType.USER_DIAMONDS, user);
        long coins = cursor.coinBalance();
        long diamonds = cursor.diamondBalance();
        List<StatementLine> lines = new ArrayList<>(Math.min(limit, entries.size()));
        for (JournalEntry e : entries.subList(0, Math.min(limit, entries.size()))) {
            long dc = e.amount(coinsAccount, Unit.COINS);
            long dd = e.amount(diamondsAccount, Unit.DIAMONDS);
            coins = Math.addExact(coins, dc);
            diamonds = Math.addExact(diamonds, dd);
            lines.add(new StatementLine(e, dc, dd, coins, diamonds));
        }
        StatementCursor next = lines.isEmpty() ? cursor
                : new StatementCursor(user, lines.get(lines.size() - 1).entry().sequence(), coins, diamonds);
        return new StatementPage(lines, next, entries.size() > limit);
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
        return store.transact(tx -> tx.entries(fromSequence, limit));
    }

    /** @return the number of committed journal entries */
    public long journalSize() {
        return store.transact(StoreTransaction::entryCount);
    }

    /**
     * The entry of an accepted request.
     *
     * @param requestId the request id
     * @return its entry, or empty if no accepted command used that id
     */
    public Optional<JournalEntry> entry(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return store.transact(tx -> tx.findEntry(requestId));
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
        long today = store.transact(tx -> tx.peekCounter(creator, WithdrawalCommand.withdrawnKey(day)));
        return payout.dailyLimit().minus(Money.ofMinor(payout.diamondValue().currency(), today));
    }

    /**
     * Recomputes every balance from the journal alone (ignoring the cached wallets): the sum of all
     * postings per account and unit, over the committed journal.
     *
     * @return the trial balance
     */
    public TrialBalance trialBalance() {
        return store.transact(tx -> {
            long entries = tx.entryCount();
            return new TrialBalance(entries, store.postingTotals());
        });
    }

    // ---- live streams ------------------------------------------------------------------------

    /**
     * Starts a creator's live stream. A creator runs at most one stream at a time; a stream id is never
     * reused. Streams live in this economy instance (their gifts are journalled with the stream id).
     *
     * @param stream  a new stream id
     * @param creator the creator going LIVE
     * @return the stream's summary (empty)
     * @throws EconomyException {@code STREAM_NOT_LIVE} (reason {@code ALREADY_LIVE} or {@code ID_ALREADY_USED})
     */
    public StreamSummary startStream(StreamId stream, UserId creator) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(creator, "creator");
        try {
            return ctx.streams().start(stream, creator, clock.instant()).summary(0);
        } catch (EconomyException e) {
            throw rejected("start stream", null, e);
        }
    }

    /**
     * Ends a live stream; later gifts naming it are {@code STREAM_NOT_LIVE}.
     *
     * @param stream the stream
     * @return its final summary (without leaderboard; see {@link #streamSummary})
     * @throws EconomyException {@code UNKNOWN_STREAM}, {@code STREAM_NOT_LIVE} (reason {@code ENDED})
     */
    public StreamSummary endStream(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try {
            return ctx.streams().end(stream, clock.instant()).summary(0);
        } catch (EconomyException e) {
            throw rejected("end stream", null, e);
        }
    }

    /**
     * A stream's running summary: coins, diamonds, gifts by type, distinct gifters and the top gifters
     * (ties go to whoever reached the amount first). Cheap: O(topN + gift types), no journal scan.
     *
     * @param stream the stream, live or ended
     * @param topN   the leaderboard's length, at least 0
     * @return the summary
     * @throws EconomyException {@code UNKNOWN_STREAM}
     */
    public StreamSummary streamSummary(StreamId stream, int topN) {
        Objects.requireNonNull(stream, "stream");
        return ctx.streams().summary(stream, topN);
    }

    /**
     * The stream a creator is running now.
     *
     * @param creator the creator
     * @return its id, or empty if the creator is not LIVE
     */
    public Optional<StreamId> liveStream(UserId creator) {
        Objects.requireNonNull(creator, "creator");
        return ctx.streams().liveStreamOf(creator).map(t -> t.streamId());
    }

    /**
     * What a creator shows a brand: gifts received in {@code [from, to)}, coins, diamonds, distinct and
     * repeat gifters, top gifts. Reads the creator's statement from the journal.
     *
     * @param creator the creator
     * @param from    the start, inclusive
     * @param to      the end, exclusive
     * @return the report
     */
    public EngagementReport engagement(UserId creator, Instant from, Instant to) {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<GiftFacts> gifts = new ArrayList<>();
        for (JournalEntry e : statement(creator)) {
            if (e.receipt() instanceof GiftReceipt g && g.creator().equals(creator)) {
                gifts.add(GiftFacts.of(g, g.stream()));
            }
        }
        return Engagement.of(creator, from, to, gifts);
    }

    /** @return how many listener calls threw (each was logged at WARN; none undid its command) */
    public long listenerFailures() {
        return ctx.events().failures();
    }

    /**
     * Configures a {@link CoinEconomy}. Not thread-safe; the built economy is.
     */
    public static final class Builder {
        private Catalog catalog = Catalog.reference();
        private EconomyPolicy policy = EconomyPolicy.reference();
        private Clock clock = Clock.systemUTC();
        private LedgerStore store;
        private ProfileDirectory profiles;
        private final List<EconomyListener> listeners = new ArrayList<>();

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
         * Where the economy keeps its state (default: a new {@link LedgerStore#inMemory() in-memory store}).
         * Several economies may share one store, in one JVM or (with a database) in several.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(LedgerStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * The host's directory of user profiles. With one, every purchase and gift checks the policy's
         * {@link dev.coineconomy.policy.EligibilityPolicy eligibility} (age at the command's instant, region,
         * standing, account kind, followers for LIVE gifts) and gift availability by the sender's region.
         * Without one (the default) nobody is checked, and gifts restricted to some regions are not available.
         *
         * @param value the directory; called on every purchase and gift, so it must be fast and thread-safe
         * @return this builder
         */
        public Builder profiles(ProfileDirectory value) {
            this.profiles = Objects.requireNonNull(value, "profiles");
            return this;
        }

        /**
         * Adds a listener, called after each command commits, in the order this economy appended the
         * entries (so each user's events arrive in commit order). A listener that throws is logged and
         * counted ({@link CoinEconomy#listenerFailures()}); it neither undoes nor blocks the command.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(EconomyListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds a thread-safe economy.
         *
         * @return the economy
         */
        public CoinEconomy build() {
            return new CoinEconomy(this);
        }
    }
}
