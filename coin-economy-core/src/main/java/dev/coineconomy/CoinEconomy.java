package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CatalogSchedule;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.event.EconomyListener;
import dev.coineconomy.finance.FinanceReport;
import dev.coineconomy.internal.Audit;
import dev.coineconomy.internal.EconomyContext;
import dev.coineconomy.internal.Engagement;
import dev.coineconomy.internal.FinanceReports;
import dev.coineconomy.internal.GiftCommand;
import dev.coineconomy.internal.GiftFacts;
import dev.coineconomy.internal.GrantCommand;
import dev.coineconomy.internal.PayoutCommand;
import dev.coineconomy.internal.PurchaseCommand;
import dev.coineconomy.internal.ReversalCommand;
import dev.coineconomy.internal.WithdrawalCommand;
import dev.coineconomy.ledger.AuditFinding;
import dev.coineconomy.ledger.Balances;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.ledger.StatementCursor;
import dev.coineconomy.ledger.StatementLine;
import dev.coineconomy.ledger.StatementPage;
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
     *                                  {@code ACCOUNT_RESTRICTED}, {@code INSUFFICIENT_COINS}, {@code REQUEST_CONFLICT}
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
     * Cashes out diamonds: moves them from the creator's available diamonds to a PENDING payout worth
     * their exact value in whole minor units; the host then {@link #settleWithdrawal settles} it or
     * reports its {@link #failWithdrawal failure}. Diamonds on hold whose period is over are released first. The count must be worth a whole number of cents (a multiple of
     * {@link dev.coineconomy.policy.DiamondValue#diamondStep()}, 2 at the reference rate); the payout must
     * reach the minimum and keep the creator's total for the calendar day (in the policy's zone) within
     * the daily limit (pending and paid payouts count). Both bounds are inclusive. A creator whose coin
     * balance is negative after a chargeback is {@code ACCOUNT_RESTRICTED}.
     *
     * @param requestId the idempotency key
     * @param creator   the creator
     * @param diamonds  the diamonds to cash out, at least 1
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code diamonds} is zero
     * @throws EconomyException         {@code ACCOUNT_RESTRICTED}, {@code NOT_WHOLE_CENTS}, {@code BELOW_MINIMUM_WITHDRAWAL},
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

    // ---- finance commands (issue 3; see docs/finance.md) ---------------------------------------

    /**
     * Grants promotional coins: a lot worth nothing, whose coins still earn creators diamonds when gifted
     * (their cash value is booked as promotion expense). Granted coins first repay coins owed after a
     * chargeback, and count towards the coin supply like sold ones.
     *
     * @param requestId the idempotency key
     * @param user      the user credited
     * @param coins     the coins, at least 1
     * @param reason    why, 1 to 200 characters (recorded on the receipt)
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if {@code coins} is zero or the reason is empty or too long
     * @throws EconomyException         {@code COIN_SUPPLY_LIMIT}, {@code REQUEST_CONFLICT}
     */
    public GrantReceipt grant(RequestId requestId, UserId user, Coins coins, String reason) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coins, "coins");
        checkReason(reason);
        if (coins.amount() < 1) {
            throw new IllegalArgumentException("coins to grant must be at least 1, got 0");
        }
        return command("grant", requestId, new GrantCommand(ctx, requestId, user, coins, reason));
    }

    /**
     * Refunds a purchase: the lot's unused coins leave the buyer and the price is returned, split like
     * the sale (store fee, tax and deferred revenue reversed). The policy decides the window (reference
     * 14 days, inclusive) and whether a partly used purchase is refunded pro rata (reference: only unused
     * purchases). Gifts are never refunded.
     *
     * @param requestId       the idempotency key
     * @param purchaseRequest the request id of the purchase
     * @return the receipt (the original one if this request was already accepted)
     * @throws EconomyException {@code UNKNOWN_REFERENCE} (no accepted purchase has that id),
     *                          {@code ALREADY_REVERSED}, {@code REFUND_WINDOW_CLOSED}, {@code COINS_ALREADY_USED},
     *                          {@code REQUEST_CONFLICT}
     */
    public RefundReceipt refundPurchase(RequestId requestId, RequestId purchaseRequest) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(purchaseRequest, "purchaseRequest");
        return (RefundReceipt) command("refund", requestId, new ReversalCommand(ctx, requestId, purchaseRequest, false));
    }

    /**
     * Records a chargeback: the payment provider took a purchase's money back. Always accepted (once per
     * purchase). Under the reference policy (NEGATIVE_BALANCE) all the purchase's coins leave the buyer,
     * whose balance may go negative; the buyer may then neither gift nor withdraw
     * ({@code ACCOUNT_RESTRICTED}) until a later purchase repays it. Under CLAWBACK only the unspent coins
     * leave the buyer and the diamonds the spent coins earned are clawed back from the creators who still
     * hold them; the rest is a chargeback loss.
     *
     * @param requestId       the idempotency key
     * @param purchaseRequest the request id of the purchase
     * @return the receipt (the original one if this request was already accepted)
     * @throws EconomyException {@code UNKNOWN_REFERENCE}, {@code ALREADY_REVERSED}, {@code REQUEST_CONFLICT}
     */
    public ChargebackReceipt chargeback(RequestId requestId, RequestId purchaseRequest) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(purchaseRequest, "purchaseRequest");
        return (ChargebackReceipt) command("chargeback", requestId,
                new ReversalCommand(ctx, requestId, purchaseRequest, true));
    }

    /**
     * Settles a pending payout (PENDING → PAID): its diamonds are redeemed and its cash paid.
     *
     * @param requestId         the idempotency key
     * @param withdrawalRequest the request id of the withdrawal
     * @return the receipt (the original one if this request was already accepted)
     * @throws EconomyException {@code UNKNOWN_REFERENCE} (no accepted withdrawal has that id),
     *                          {@code PAYOUT_NOT_PENDING}, {@code REQUEST_CONFLICT}
     */
    public PayoutSettledReceipt settleWithdrawal(RequestId requestId, RequestId withdrawalRequest) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(withdrawalRequest, "withdrawalRequest");
        return (PayoutSettledReceipt) command("settle", requestId,
                new PayoutCommand(ctx, requestId, withdrawalRequest, true, null));
    }

    /**
     * Records that a pending payout failed (PENDING → FAILED): its diamonds return to the creator's
     * available diamonds, and it no longer counts towards its day's withdrawal cap.
     *
     * @param requestId         the idempotency key
     * @param withdrawalRequest the request id of the withdrawal
     * @param reason            why, 1 to 200 characters (recorded on the receipt)
     * @return the receipt (the original one if this request was already accepted)
     * @throws IllegalArgumentException if the reason is empty or too long
     * @throws EconomyException         {@code UNKNOWN_REFERENCE}, {@code PAYOUT_NOT_PENDING},
     *                                  {@code REQUEST_CONFLICT}
     */
    public PayoutFailedReceipt failWithdrawal(RequestId requestId, RequestId withdrawalRequest, String reason) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(withdrawalRequest, "withdrawalRequest");
        checkReason(reason);
        return (PayoutFailedReceipt) command("fail", requestId,
                new PayoutCommand(ctx, requestId, withdrawalRequest, false, reason));
    }

    private static void checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isEmpty() || reason.length() > 200) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reason must have 1 to 200 characters, got %d", reason.length()));
        }
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
        return new Wallet(user, Coins.of(Math.max(0, s.coins())), Diamonds.of(s.diamonds()),
                Coins.of(Math.max(0, -s.coins())));
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
     * A page of a user's statement with the change and running balance of each of the user's accounts
     * (coins, diamonds available, held and in payout: {@link Balances}). Start with
     * {@link StatementCursor#start(UserId)} and pass each page's {@code next} cursor to get the following
     * page; no page rescans earlier history.
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
        Balances running = cursor.balances();
        List<StatementLine> lines = new ArrayList<>(Math.min(limit, entries.size()));
        for (JournalEntry e : entries.subList(0, Math.min(limit, entries.size()))) {
            Balances change = Balances.changeOf(e, user);
            running = running.plus(change);
            lines.add(new StatementLine(e, change, running));
        }
        StatementCursor next = lines.isEmpty() ? cursor
                : new StatementCursor(user, lines.get(lines.size() - 1).entry().sequence(), running);
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
     * The payout a withdrawal created, as it stands.
     *
     * @param withdrawalRequest the request id of the withdrawal
     * @return the payout (PENDING, PAID or FAILED), or empty if no accepted withdrawal has that id
     */
    public Optional<Payout> payout(RequestId withdrawalRequest) {
        Objects.requireNonNull(withdrawalRequest, "withdrawalRequest");
        return store.transact(tx -> PayoutCommand.query(tx, withdrawalRequest));
    }

    /**
     * The finance report of each currency over {@code [from, to)}, from the journal's postings: gross
     * sales, fees, tax, net sales, refunds, chargebacks, deferred revenue and creator payable at both ends,
     * recognized revenue, creator cost, promotion expense, payouts paid, chargeback losses and margin. Its
     * identities ({@link FinanceReport#violations()}) hold on a healthy ledger.
     *
     * @param from start of the period (inclusive)
     * @param to   end of the period (exclusive), not before {@code from}
     * @return one report per currency with postings, by currency code
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<FinanceReport> financeReport(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<FinanceReports.Dated> dated = new ArrayList<>();
        long next = 1;
        while (true) {
            long start = next;
            List<JournalEntry> page = store.transact(tx -> tx.entries(start, PAGE));
            for (JournalEntry e : page) {
                if (e.instant().isBefore(to)) {
                    dated.add(new FinanceReports.Dated(e.instant(), e.postings()));
                }
            }
            if (page.size() < PAGE) {
                return FinanceReports.of(dated, from, to);
            }
            next = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /**
     * Replays the whole journal from nothing, recomputes every balance and checks every invariant: each
     * entry balances per unit, sequences increase, request ids are unique, the store's totals and cached
     * wallets (coins, diamonds available, held and in payout) match the journal, no balance is on the wrong
     * side of zero (a user's coins may be negative only by the coins owed after a chargeback), every unit
     * is conserved, deferred revenue equals the unspent lots' net, user coins equal the lots' remaining
     * coins minus debt, and creator payable equals, summed over creators,
     * {@code floor(diamonds earned × value) − floor(diamonds removed × value)}.
     * Reads only; the journal is read in pages while commands may continue.
     *
     * @return what is wrong; empty on a healthy ledger
     */
    public List<AuditFinding> audit() {
        return Audit.run(store, policy.payout().diamondValue());
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
