package dev.coineconomy.examples;

import dev.coineconomy.Channel;
import dev.coineconomy.ChargebackReceipt;
import dev.coineconomy.CoinEconomy;
import dev.coineconomy.EconomyException;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.GrantReceipt;
import dev.coineconomy.PayoutFailedReceipt;
import dev.coineconomy.PayoutSettledReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Receipt;
import dev.coineconomy.RefundReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.WithdrawalReceipt;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.event.EconomyEvent;
import dev.coineconomy.event.EconomyListener;
import dev.coineconomy.ledger.Payout;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.EligibilityAction;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.StreamId;
import dev.coineconomy.stream.StreamSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A deterministic simulation of one live stream on the reference catalog and policy, driven only
 * through the public API of coin-economy.
 *
 * <p>Viewers arrive during the stream, in the regions and channels the catalog sells in. Casual
 * viewers, supporters and a few whales buy coin packs of the sizes that suit them and send one creator
 * gifts from the catalog, now and then tapping a gift they cannot afford (rejected with
 * {@code INSUFFICIENT_COINS}; many then top up and resend the same request id, which a rejection left
 * free). A few accepted commands are delivered twice, as a flaky network would, and must return the
 * original receipt.
 *
 * <p>The economy has a {@link ProfileDirectory}: every viewer has a profile, and a few cannot take part
 * (an under-18 viewer cannot buy coins; a politician and a government account may buy but not gift;
 * each gives up after the first {@code NOT_ELIGIBLE}). The creator starts a stream; every gift goes
 * through {@link CoinEconomy#sendStreamGift} and the stream's leaderboard is read from
 * {@link CoinEconomy#streamSummary}. A few early viewers get promotional coins ({@code grant}). A listener
 * counts the committed events by kind.
 *
 * <p>After the stream the creator cashes out as much as the policy allows each day (minimum, daily limit,
 * whole cents); each withdrawal is a PENDING payout that the host settles the next morning, except the
 * second, which fails once (its diamonds return and are cashed out again). The day after the stream the
 * politician's unused purchase is refunded and the top gifter's biggest purchase is charged back, leaving
 * a negative balance that restricts the account. The run ends with the finance report of the simulated
 * period and a replay {@code audit()} of the journal.
 *
 * <p>Everything random comes from one {@link Random} seeded with {@link Settings#seed()} and time
 * comes from a {@link SimulatedClock}, so a seed always gives the same run, journal and summary.
 * Each instance runs once; use {@link #run(long)} or {@link #run(Settings, Consumer)}.
 */
public final class LiveStreamSimulation {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20_261_125L;

    /** The creator who streams. */
    public static final UserId CREATOR = UserId.of("creator-nova");

    /** The creator's follower count (a LIVE creator needs 1,000 under the reference policy). */
    public static final long CREATOR_FOLLOWERS = 48_200;
    /** Viewers who cannot take part, by index: their account kind, or {@code null} for under-age. */
    private static final Map<Integer, AccountKind> REFUSED = refusedViewers();
    /** The viewers who get promotional coins when the stream starts. */
    private static final List<Integer> PROMOTED = List.of(1, 2, 3);
    /** The promotional coins each of them gets. */
    private static final long PROMOTION_COINS = 500;
    /** The n-th withdrawal (from 1) whose payout fails once. */
    private static final int FAILING_WITHDRAWAL = 2;

    /** Share of accepted commands that the simulated network delivers a second time, in per mille. */
    private static final int DUPLICATE_PER_MILLE = 30;
    /** Viewers per region, relative; regions the catalog sells in but not named here get weight 1. */
    private static final Map<String, Integer> REGION_WEIGHTS = Map.of("US", 3, "GB", 1);
    /** Most packs bought to cover one shortfall. */
    private static final int MAX_TOP_UP_PACKS = 3;
    /** Most days the creator comes back to cash out. */
    private static final int MAX_PAYOUT_DAYS = 30;
    /** When the creator cashes out on later days, in the policy's day zone. */
    private static final LocalTime PAYOUT_TIME = LocalTime.of(9, 0);
    /** When the refund and the chargeback arrive, the day after the stream. */
    private static final LocalTime REVERSAL_TIME = LocalTime.of(10, 30);
    /** Length of the leaderboard shown. */
    static final int TOP = 5;

    private static Map<Integer, AccountKind> refusedViewers() {
        Map<Integer, AccountKind> m = new LinkedHashMap<>();
        m.put(7, null);                        // 16 years old
        m.put(21, AccountKind.POLITICIAN);
        m.put(112, null);                      // 17 years old
        m.put(250, AccountKind.GOVERNMENT);
        return m;
    }

    /**
     * What to simulate.
     *
     * @param seed    the seed of every random choice
     * @param viewers how many viewers watch, at least 1
     * @param length  how long the stream lasts, at least a minute
     * @param start   when it starts
     */
    public record Settings(long seed, int viewers, Duration length, Instant start) {

        /** Validates the settings. */
        public Settings {
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(start, "start");
            if (viewers < 1) {
                throw new IllegalArgumentException("viewers must be at least 1, got " + viewers);
            }
            if (length.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("length must be at least a minute, got " + length);
            }
        }

        /**
         * The example's settings: 500 viewers, one hour from 2026-11-25T19:00Z.
         *
         * @param seed the seed
         * @return the settings
         */
        public static Settings of(long seed) {
            return new Settings(seed, 500, Duration.ofHours(1), Instant.parse("2026-11-25T19:00:00Z"));
        }
    }

    /** How a kind of viewer behaves. */
    private enum Segment {
        //        share‰ buyOnArrival‰ buyLater‰ meanGap  impulse‰ topUp‰ maxGift packExp web‰  combo
        CASUAL(     800,      350,        100,    540,     200,    350,     100, -1.0,   200,   10),
        SUPPORTER(  170,      850,        500,    180,     150,    700,    1999, -0.35,  100,   50),
        WHALE(       30,     1000,       1000,     60,     100,    950,   44999,  0.2,     0,  199);

        final int sharePerMille;
        final int buyOnArrivalPerMille;
        final int buyLaterPerMille;
        final int meanSecondsBetweenGifts;
        final int impulsePerMille;
        final int topUpPerMille;
        final long maxGiftPrice;
        final double packExponent;
        final int webPerMille;
        final int maxCombo;

        Segment(int sharePerMille, int buyOnArrivalPerMille, int buyLaterPerMille, int meanSecondsBetweenGifts,
                int impulsePerMille, int topUpPerMille, long maxGiftPrice, double packExponent, int webPerMille,
                int maxCombo) {
            this.sharePerMille = sharePerMille;
            this.buyOnArrivalPerMille = buyOnArrivalPerMille;
            this.buyLaterPerMille = buyLaterPerMille;
            this.meanSecondsBetweenGifts = meanSecondsBetweenGifts;
            this.impulsePerMille = impulsePerMille;
            this.topUpPerMille = topUpPerMille;
            this.maxGiftPrice = maxGiftPrice;
            this.packExponent = packExponent;
            this.webPerMille = webPerMille;
            this.maxCombo = maxCombo;
        }
    }

    /** One viewer's state. */
    private static final class Viewer {
        final int index;
        final UserId id;
        final Region region;
        final Segment segment;
        final long leaveMillis;
        int purchases;
        int gifts;
        boolean refused;

        Viewer(int index, Region region, Segment segment, long leaveMillis) {
            this.index = index;
            this.id = viewerId(index);
            this.region = region;
            this.segment = segment;
            this.leaveMillis = leaveMillis;
        }
    }

    /** A viewer's next action, ordered by time and then by scheduling order. */
    private record Event(long atMillis, long order, Viewer viewer, boolean arrival) {
    }

    private final Settings settings;
    private final Random random;
    private final SimulatedClock clock;
    private final CoinEconomy economy;
    private final Catalog catalog;
    private final Map<PriceKey, List<CoinPack>> offers = new TreeMap<>(
            Comparator.comparing((PriceKey k) -> k.region().code()).thenComparing(PriceKey::channel));
    private final List<Gift> giftsByPrice;
    private final List<Viewer> viewers = new ArrayList<>();
    private final List<PurchaseReceipt> purchases = new ArrayList<>();
    private final List<GiftReceipt> gifts = new ArrayList<>();
    private final List<WithdrawalReceipt> withdrawals = new ArrayList<>();
    private final List<GrantReceipt> grants = new ArrayList<>();
    private final List<Receipt> accepted = new ArrayList<>();
    private final Map<RejectionCode, Integer> rejections = new EnumMap<>(RejectionCode.class);
    private final Map<UserId, UserProfile> profiles = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<LiveStreamSummary.Refusal> refusals = new ArrayList<>();
    private final Map<EconomyEvent.Kind, Long> events = new EnumMap<>(EconomyEvent.Kind.class);
    private final StreamId streamId;
    private RefundReceipt refund;
    private ChargebackReceipt chargeback;
    private LiveStreamSummary.Restriction restriction;
    private RejectionCode lastRejection;
    private EconomyException lastException;
    private int sent;
    private int duplicates;
    private int duplicatesEqual;
    private int resentAfterTopUp;
    private int resentAccepted;
    private boolean ran;

    /**
     * Prepares a simulation on the reference catalog and policy.
     *
     * @param settings what to simulate
     */
    public LiveStreamSimulation(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = new Random(settings.seed());
        this.clock = new SimulatedClock(settings.start());
        this.streamId = StreamId.of("live-" + CREATOR.value() + "-" + LocalDate.ofInstant(settings.start(),
                java.time.ZoneOffset.UTC));
        profiles.put(CREATOR, UserProfile.personal(CREATOR, LocalDate.of(1998, 4, 17), Region.of("US"))
                .withFollowers(CREATOR_FOLLOWERS));
        this.economy = CoinEconomy.builder()
                .catalog(Catalog.reference())
                .policy(EconomyPolicy.reference())
                .clock(clock)
                .profiles(ProfileDirectory.backedBy(profiles))
                .listener(new EconomyListener() {
                    @Override
                    public void onEvent(EconomyEvent event) {
                        events.merge(event.kind(), 1L, Long::sum);
                    }
                })
                .build();
        this.catalog = economy.catalog();
        for (CoinPack pack : catalog.packs()) {
            for (PriceKey key : pack.prices().keySet()) {
                offers.computeIfAbsent(key, k -> new ArrayList<>()).add(pack);
            }
        }
        offers.values().forEach(list -> list.sort(Comparator.comparingLong(p -> p.coins().amount())));
        this.giftsByPrice = new ArrayList<>(catalog.gifts());
        giftsByPrice.sort(Comparator.comparingLong((Gift g) -> g.price().amount()).thenComparing(Gift::id));
    }

    /**
     * The economy this simulation drives, for inspecting its journal after {@link #simulate}.
     *
     * @return the economy
     */
    public CoinEconomy economy() {
        return economy;
    }

    /** @return the id of the simulated stream */
    public StreamId streamId() {
        return streamId;
    }

    /**
     * Runs the example's stream with a seed.
     *
     * @param seed the seed
     * @return the figures and the printed text
     */
    public static LiveStreamReport run(long seed) {
        return run(Settings.of(seed), message -> { });
    }

    /**
     * Runs a stream.
     *
     * @param settings what to simulate
     * @param progress told every ten simulated minutes how far the run got (for long runs)
     * @return the figures and the printed text
     */
    public static LiveStreamReport run(Settings settings, Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        LiveStreamSummary summary = new LiveStreamSimulation(settings).simulate(progress);
        return new LiveStreamReport(summary, SummaryText.render(summary));
    }

    /**
     * Simulates the stream and the creator's cash-outs, then checks conservation.
     *
     * @param progress told every ten simulated minutes how far the run got
     * @return the figures
     * @throws IllegalStateException if this simulation already ran
     */
    public LiveStreamSummary simulate(Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        if (ran) {
            throw new IllegalStateException("a simulation runs once");
        }
        ran = true;
        stream(progress);
        afterTheStream();
        Instant reportTo = clock.instant().plusSeconds(1);
        List<UserId> users = new ArrayList<>();
        viewers.forEach(v -> users.add(v.id));
        users.add(CREATOR);
        StreamSummary streamSummary = economy.streamSummary(streamId, TOP);
        List<LiveStreamSummary.Check> checks = new ArrayList<>(new ConservationCheck(economy, accepted).run(users));
        checks.addAll(streamChecks(streamSummary));
        List<Payout> payouts = new ArrayList<>();
        withdrawals.forEach(w -> payouts.add(economy.payout(w.requestId()).orElseThrow()));
        LiveStreamSummary.Ledger ledger = new LiveStreamSummary.Ledger(grants, refund, chargeback, restriction,
                payouts, events, economy.listenerFailures(), settings.start(), reportTo,
                economy.financeReport(settings.start(), reportTo), economy.audit(), economy.journalSize());
        return Tally.summarise(settings, economy, viewers.size(), purchases, gifts, withdrawals,
                viewerRegions(), streamSummary, refusals, ledger, rejections,
                new LiveStreamSummary.Requests(sent, accepted.size(), duplicates, duplicatesEqual,
                        resentAfterTopUp, resentAccepted),
                checks);
    }

    /** The stream's summary, kept by the economy gift by gift, against the receipts of the gifts. */
    private List<LiveStreamSummary.Check> streamChecks(StreamSummary summary) {
        long coins = 0;
        long diamonds = 0;
        java.util.Set<UserId> gifters = new java.util.HashSet<>();
        for (GiftReceipt g : gifts) {
            if (streamId.equals(g.stream())) {
                coins += g.coinsSpent().amount();
                diamonds += g.diamondsCredited().amount();
                gifters.add(g.sender());
            }
        }
        List<LiveStreamSummary.GifterLine> tally = Tally.topGifters(gifts, viewerRegions());
        List<String> expected = new ArrayList<>();
        tally.forEach(t -> expected.add(t.user() + "=" + t.coins() + "@" + t.reached()));
        List<String> actual = new ArrayList<>();
        summary.leaderboard().forEach(r -> actual.add(r.user() + "=" + r.coins().amount() + "@" + r.reachedSequence()));
        return List.of(
                check("stream: coins = gift receipts' coins", coins, summary.coins().amount()),
                check("stream: diamonds = gift receipts' diamonds", diamonds, summary.diamonds().amount()),
                check("stream: gift commands = gift receipts", gifts.size(), summary.giftEntries()),
                check("stream: distinct gifters", gifters.size(), summary.distinctGifters()),
                new LiveStreamSummary.Check("stream: leaderboard = top " + TOP + " tallied from the receipts",
                        String.join(" ", expected), String.join(" ", actual), expected.equals(actual)));
    }

    private static LiveStreamSummary.Check check(String name, long expected, long actual) {
        return new LiveStreamSummary.Check(name, String.format(Locale.ROOT, "%,d", expected),
                String.format(Locale.ROOT, "%,d", actual), expected == actual);
    }

    /** @return the user id of the viewer with this index */
    static UserId viewerId(int index) {
        return UserId.of(String.format(Locale.ROOT, "viewer-%03d", index));
    }

    /** The profile of a viewer: adult by default, under-age or a barred account kind if refused. */
    private UserProfile profileOf(Viewer v) {
        LocalDate adult = LocalDate.of(1966 + v.index % 40, 1 + v.index % 12, 1 + v.index % 28);
        UserProfile p = UserProfile.personal(v.id, adult, v.region).withFollowers(v.index % 300);
        if (!REFUSED.containsKey(v.index)) {
            return p;
        }
        AccountKind kind = REFUSED.get(v.index);
        if (kind == null) { // under age: 16 or 17 on the day of the stream
            LocalDate day = LocalDate.ofInstant(settings.start(), java.time.ZoneOffset.UTC);
            return p.withBirthDate(day.minusYears(16 + v.index % 2).minusDays(40));
        }
        return p.withAccountKind(kind);
    }

    private Map<UserId, Region> viewerRegions() {
        Map<UserId, Region> out = new TreeMap<>(Comparator.comparing(UserId::value));
        viewers.forEach(v -> out.put(v.id, v.region));
        return out;
    }

    // ---- the stream ---------------------------------------------------------------------------

    private void stream(Consumer<String> progress) {
        long lengthMillis = settings.length().toMillis();
        List<Region> regions = new ArrayList<>();
        offers.keySet().forEach(k -> {
            if (!regions.contains(k.region())) {
                regions.add(k.region());
            }
        });
        PriorityQueue<Event> queue = new PriorityQueue<>(
                Comparator.comparingLong(Event::atMillis).thenComparingLong(Event::order));
        long order = 0;
        for (int i = 1; i <= settings.viewers(); i++) {
            Region region = pickRegion(regions);
            Segment segment = pickSegment();
            // most arrive in the first three quarters; the long-stayers are the keen ones
            long arrive = (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, lengthMillis * 3 / 4));
            long stay = lengthMillis / 12 + (long) (random.nextDouble() * lengthMillis
                    * (segment == Segment.CASUAL ? 0.6 : 1.0));
            if (REFUSED.containsKey(i)) {
                segment = Segment.WHALE; // keen: they try at once and stay
                stay = lengthMillis;
            }
            Viewer v = new Viewer(i, region, segment, Math.min(lengthMillis, arrive + stay));
            viewers.add(v);
            profiles.put(v.id, profileOf(v));
            queue.add(new Event(arrive, order++, v, true));
        }
        economy.startStream(streamId, CREATOR);
        for (int index : PROMOTED) {
            if (index <= viewers.size()) {
                UserId user = viewerId(index);
                send(() -> economy.grant(RequestId.of("promo-" + user.value()), user, Coins.of(PROMOTION_COINS),
                        "welcome coins for the launch stream"));
            }
        }
        long nextReport = lengthMillis / 6;
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            while (e.atMillis() >= nextReport && nextReport < lengthMillis) {
                progress.accept(String.format(Locale.ROOT, "progress: minute %d of %d, %,d journal entries",
                        nextReport / 60_000, lengthMillis / 60_000, economy.journalSize()));
                nextReport += lengthMillis / 6;
            }
            clock.set(settings.start().plusMillis(e.atMillis()));
            Viewer v = e.viewer();
            if (v.refused) {
                continue; // told they may not take part: they stop trying
            }
            if (e.arrival()) {
                if (chance(v.segment.buyOnArrivalPerMille)) {
                    buyPack(v, 0);
                }
            } else {
                act(v);
            }
            long next = e.atMillis() + gap(v.segment.meanSecondsBetweenGifts);
            if (next < v.leaveMillis) {
                queue.add(new Event(next, order++, v, false));
            }
        }
        clock.set(settings.start().plus(settings.length()));
        economy.endStream(streamId);
    }

    private void act(Viewer v) {
        long balance = economy.wallet(v.id).coins().amount();
        if (balance == 0) {
            boolean boughtBefore = v.purchases > 0;
            if (!chance(boughtBefore ? v.segment.topUpPerMille : v.segment.buyLaterPerMille)) {
                return;
            }
            buyPack(v, 0);
            if (v.refused) {
                return;
            }
            balance = economy.wallet(v.id).coins().amount();
        }
        boolean impulsive = chance(v.segment.impulsePerMille);
        List<Gift> choices = new ArrayList<>();
        for (Gift g : giftsByPrice) {
            long price = g.price().amount();
            if (price <= v.segment.maxGiftPrice && (impulsive || price <= balance)) {
                choices.add(g);
            }
        }
        if (choices.isEmpty()) {
            return;
        }
        Gift gift = pickWeighted(choices, g -> weight(g.price().amount(), giftExponent(v.segment)));
        long price = gift.price().amount();
        long quantity = quantity(v.segment, price);
        if (!impulsive) {
            quantity = Math.max(1, Math.min(quantity, balance / price));
        }
        RequestId id = RequestId.of(String.format(Locale.ROOT, "g-%03d-%d", v.index, ++v.gifts));
        long q = quantity;
        GiftReceipt receipt = send(v, () -> economy.sendStreamGift(id, v.id, streamId, gift.id(), q));
        if (receipt != null || lastRejection != RejectionCode.INSUFFICIENT_COINS
                || !chance(v.segment.topUpPerMille)) {
            return;
        }
        // the gift was rejected for want of coins: top up, then resend with the same (still free) id
        long cost = Math.multiplyExact(price, quantity);
        for (int i = 0; i < MAX_TOP_UP_PACKS; i++) {
            long shortfall = cost - economy.wallet(v.id).coins().amount();
            if (shortfall <= 0) {
                break;
            }
            buyPack(v, shortfall);
        }
        resentAfterTopUp++;
        if (send(v, () -> economy.sendStreamGift(id, v.id, streamId, gift.id(), q)) != null) {
            resentAccepted++;
        }
    }

    private void buyPack(Viewer v, long atLeast) {
        Channel channel = offers.containsKey(PriceKey.of(v.region, Channel.WEB)) && chance(v.segment.webPerMille)
                ? Channel.WEB : Channel.APP;
        List<CoinPack> packs = offers.get(PriceKey.of(v.region, channel));
        if (packs == null) {
            channel = Channel.APP;
            packs = offers.get(PriceKey.of(v.region, channel));
        }
        CoinPack pack;
        if (atLeast > 0) {
            // a top-up: the smallest pack that covers the shortfall, else the biggest there is
            pack = packs.get(packs.size() - 1);
            for (CoinPack p : packs) {
                if (p.coins().amount() >= atLeast) {
                    pack = p;
                    break;
                }
            }
        } else {
            pack = pickWeighted(packs, p -> weight(p.coins().amount(), v.segment.packExponent));
        }
        RequestId id = RequestId.of(String.format(Locale.ROOT, "p-%03d-%d", v.index, ++v.purchases));
        String packId = pack.id();
        Channel c = channel;
        send(v, () -> economy.purchase(id, v.id, packId, v.region, c));
    }

    // ---- after the stream: payouts, a refund, a chargeback -------------------------------------

    /**
     * Each day the host first settles the payouts still pending (the {@value #FAILING_WITHDRAWAL}nd
     * withdrawal's payout fails instead, so its diamonds come back), then the creator cashes out what the
     * policy allows. The day after the stream a refund and a chargeback arrive. The run ends on the first
     * day the creator has nothing more to cash out, before the host settles the last payout, which so
     * stays PENDING.
     */
    private void afterTheStream() {
        var payout = economy.policy().payout();
        Instant at = clock.instant().plus(Duration.ofMinutes(15));
        LocalDate day = LocalDate.ofInstant(at, payout.dayZone());
        List<WithdrawalReceipt> pending = new ArrayList<>();
        for (int d = 0; d < MAX_PAYOUT_DAYS; d++) {
            if (d > 0) {
                day = day.plusDays(1);
                at = day.atTime(PAYOUT_TIME).atZone(payout.dayZone()).toInstant();
            }
            clock.set(at);
            boolean failing = pending.stream().anyMatch(w -> withdrawals.indexOf(w) + 1 == FAILING_WITHDRAWAL);
            if (d > 1 && !failing && Payouts.withdrawableNow(economy, CREATOR) == 0) {
                break; // nothing more to cash out: the last payout stays PENDING
            }
            for (WithdrawalReceipt w : pending) {
                RequestId wid = w.requestId();
                if (withdrawals.indexOf(w) + 1 == FAILING_WITHDRAWAL) {
                    send(() -> economy.failWithdrawal(RequestId.of("fail-" + wid.value()), wid,
                            "bank rejected the transfer: account number changed"));
                } else {
                    send(() -> economy.settleWithdrawal(RequestId.of("settle-" + wid.value()), wid));
                }
            }
            pending.clear();
            long diamonds = Payouts.withdrawableNow(economy, CREATOR);
            if (diamonds > 0) {
                RequestId id = RequestId.of(String.format(Locale.ROOT, "w-%s-%s", CREATOR.value(), day));
                WithdrawalReceipt receipt = send(() -> economy.withdraw(id, CREATOR, Diamonds.of(diamonds)));
                if (receipt == null) {
                    break;
                }
                pending.add(receipt);
                if (d == 0) {
                    // the payout button is tapped twice: the second tap must return the same receipt
                    replay(() -> economy.withdraw(id, CREATOR, Diamonds.of(diamonds)), receipt);
                }
            }
            if (d == 1) {
                clock.set(day.atTime(REVERSAL_TIME).atZone(payout.dayZone()).toInstant());
                reversals();
            }
        }
    }

    /**
     * The politician's first purchase, never used, is refunded; the top gifter's biggest purchase is
     * charged back by the payment provider, which leaves the account owing coins, so a gift is refused.
     */
    private void reversals() {
        for (Map.Entry<Integer, AccountKind> e : REFUSED.entrySet()) {
            if (e.getValue() == AccountKind.POLITICIAN && refund == null) {
                UserId politician = viewerId(e.getKey());
                purchases.stream().filter(p -> p.user().equals(politician)).findFirst().ifPresent(p ->
                        refund = send(() -> economy.refundPurchase(RequestId.of("refund-" + p.requestId().value()),
                                p.requestId())));
            }
        }
        for (var rank : economy.streamSummary(streamId, TOP).leaderboard()) {
            long balance = economy.wallet(rank.user()).coins().amount();
            PurchaseReceipt biggest = null;
            for (PurchaseReceipt p : purchases) {
                if (p.user().equals(rank.user())
                        && (biggest == null || p.coins().amount() > biggest.coins().amount())) {
                    biggest = p;
                }
            }
            if (biggest != null && biggest.coins().amount() > balance) {
                RequestId purchase = biggest.requestId();
                chargeback = send(() -> economy.chargeback(RequestId.of("chargeback-" + purchase.value()), purchase));
                RequestId attempt = RequestId.of("g-after-chargeback-" + rank.user().value());
                send(() -> economy.sendGift(attempt, rank.user(), CREATOR, "rose", 1));
                restriction = new LiveStreamSummary.Restriction(rank.user(), economy.wallet(rank.user()),
                        attempt, lastRejection);
                return;
            }
        }
    }

    // ---- sending commands ------------------------------------------------------------------------

    /**
     * Sends a command, records its receipt or its rejection, and now and then delivers it a second time.
     *
     * @return the receipt, or {@code null} if the command was rejected
     */
    private <R> R send(Supplier<R> command) {
        R receipt;
        sent++;
        lastRejection = null;
        try {
            receipt = command.get();
        } catch (EconomyException e) {
            rejections.merge(e.code(), 1, Integer::sum);
            lastRejection = e.code();
            lastException = e;
            return null;
        }
        record(receipt);
        if (chance(DUPLICATE_PER_MILLE)) {
            replay(command, receipt);
        }
        return receipt;
    }

    /**
     * Sends a viewer's command; a {@code NOT_ELIGIBLE} rejection is recorded as the viewer's refusal, and
     * the viewer stops trying.
     */
    private <R> R send(Viewer v, Supplier<R> command) {
        R receipt = send(command);
        if (lastRejection == RejectionCode.NOT_ELIGIBLE) {
            v.refused = true;
            refusals.add(new LiveStreamSummary.Refusal(v.id, profiles.get(v.id),
                    (EligibilityAction) lastException.value("action"),
                    (IneligibilityReason) lastException.value("reason"), clock.instant()));
        }
        return receipt;
    }

    private void record(Object receipt) {
        accepted.add((Receipt) receipt);
        if (receipt instanceof PurchaseReceipt p) {
            purchases.add(p);
        } else if (receipt instanceof GiftReceipt g) {
            gifts.add(g);
        } else if (receipt instanceof WithdrawalReceipt w) {
            withdrawals.add(w);
        } else if (receipt instanceof GrantReceipt g) {
            grants.add(g);
        } else if (!(receipt instanceof RefundReceipt || receipt instanceof ChargebackReceipt
                || receipt instanceof PayoutSettledReceipt || receipt instanceof PayoutFailedReceipt)) {
            throw new IllegalStateException("unexpected receipt " + receipt);
        }
    }

    /** Delivers an accepted command again and counts whether the original receipt came back unchanged. */
    private <R> void replay(Supplier<R> command, R original) {
        long entries = economy.journalSize();
        sent++;
        duplicates++;
        try {
            R again = command.get();
            if (again.equals(original) && economy.journalSize() == entries) {
                duplicatesEqual++;
            }
        } catch (EconomyException e) {
            rejections.merge(e.code(), 1, Integer::sum);
        }
    }

    // ---- random choices --------------------------------------------------------------------------

    private boolean chance(int perMille) {
        return random.nextInt(1000) < perMille;
    }

    private long gap(int meanSeconds) {
        // exponential waiting time, at least a second
        double u = 1.0 - random.nextDouble();
        return Math.max(1000L, (long) (-StrictMath.log(u) * meanSeconds * 1000.0));
    }

    private Region pickRegion(List<Region> regions) {
        return pickWeighted(regions, r -> REGION_WEIGHTS.getOrDefault(r.code(), 1));
    }

    private Segment pickSegment() {
        int roll = random.nextInt(1000);
        for (Segment s : Segment.values()) {
            roll -= s.sharePerMille;
            if (roll < 0) {
                return s;
            }
        }
        return Segment.CASUAL;
    }

    private static double giftExponent(Segment s) {
        return switch (s) {
            case CASUAL -> -0.6;
            case SUPPORTER -> -0.3;
            case WHALE -> 0.15;
        };
    }

    private long quantity(Segment s, long price) {
        if (price == 1) {
            return 1 + random.nextInt(s.maxCombo);
        }
        if (price <= 30) {
            return 1 + random.nextInt(5);
        }
        if (price <= 1000 && random.nextInt(10) == 0) {
            return 2 + random.nextInt(2);
        }
        return 1;
    }

    /** An integer weight ∝ {@code x^exponent}, computed with {@link StrictMath} so every JVM agrees. */
    private static long weight(long x, double exponent) {
        return Math.max(1L, StrictMath.round(1_000_000.0 * StrictMath.pow(x, exponent)));
    }

    private <T> T pickWeighted(List<T> items, java.util.function.ToLongFunction<T> weightOf) {
        long total = 0;
        for (T t : items) {
            total += weightOf.applyAsLong(t);
        }
        long roll = (long) (random.nextDouble() * total);
        for (T t : items) {
            roll -= weightOf.applyAsLong(t);
            if (roll < 0) {
                return t;
            }
        }
        return items.get(items.size() - 1);
    }
}
