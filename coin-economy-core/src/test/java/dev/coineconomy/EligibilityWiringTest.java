package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.GiftContext;
import dev.coineconomy.policy.EconomyPolicy;
import dev.coineconomy.policy.EligibilityAction;
import dev.coineconomy.policy.EligibilityPolicy;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.Standing;
import dev.coineconomy.profile.UserProfile;
import dev.coineconomy.stream.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.coineconomy.WiringSupport.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Eligibility through the facade: an economy built with {@code .profiles(ProfileDirectory)} checks the
 * buyer of every purchase and the sender and creator of every gift against the policy's
 * {@link EligibilityPolicy}, at the command's instant. Every refusal leaves the economy exactly as before
 * (wallets, statements, journal, trial balance) and its request id free, which the test then uses for an
 * accepted command.
 */
class EligibilityWiringTest {

    private static final Region US = Region.of("US");
    private static final Region KR = Region.of("KR");
    private static final Region IN = Region.of("IN");
    private static final LocalDate ADULT_BIRTH = LocalDate.of(1990, 1, 1);

    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");

    private final UserId adult = UserId.of("adult");
    private final UserId creator = UserId.of("creator");
    private final UserId small = UserId.of("small-creator");
    private final UserId exactly1000 = UserId.of("creator-1000");
    private final UserId minor = UserId.of("minor17");
    private final UserId turning18 = UserId.of("turning18");
    private final UserId kr18 = UserId.of("kr18");
    private final UserId government = UserId.of("government");
    private final UserId politician = UserId.of("politician");
    private final UserId party = UserId.of("party");
    private final UserId banned = UserId.of("banned");
    private final UserId restricted = UserId.of("restricted");
    private final UserId excluded = UserId.of("in-user");
    private final UserId ghost = UserId.of("ghost");

    private final List<UserId> users = List.of(adult, creator, small, exactly1000, minor, turning18, kr18,
            government, politician, party, banned, restricted, excluded, ghost);
    private final Map<UserId, UserProfile> profiles = new ConcurrentHashMap<>();
    private CoinEconomy economy;
    private int ids;

    @BeforeEach
    void setUp() {
        List<UserProfile> all = new ArrayList<>(List.of(
                UserProfile.personal(adult, ADULT_BIRTH, US),
                UserProfile.personal(creator, ADULT_BIRTH, US).withFollowers(5_000),
                UserProfile.personal(small, ADULT_BIRTH, US).withFollowers(999),
                UserProfile.personal(exactly1000, ADULT_BIRTH, US).withFollowers(1_000),
                UserProfile.personal(minor, LocalDate.of(2009, 6, 1), US).withFollowers(50_000),
                UserProfile.personal(turning18, LocalDate.of(2008, 11, 26), US),
                UserProfile.personal(kr18, LocalDate.of(2008, 1, 1), KR),
                UserProfile.personal(government, ADULT_BIRTH, US).withFollowers(10_000)
                        .withAccountKind(AccountKind.GOVERNMENT),
                UserProfile.personal(politician, ADULT_BIRTH, US).withFollowers(10_000)
                        .withAccountKind(AccountKind.POLITICIAN),
                UserProfile.personal(party, ADULT_BIRTH, US).withFollowers(10_000)
                        .withAccountKind(AccountKind.POLITICAL_PARTY),
                UserProfile.personal(banned, ADULT_BIRTH, US).withFollowers(10_000).withStanding(Standing.BANNED),
                UserProfile.personal(restricted, ADULT_BIRTH, US).withFollowers(10_000)
                        .withStanding(Standing.RESTRICTED),
                UserProfile.personal(excluded, ADULT_BIRTH, IN).withFollowers(10_000)));
        all.forEach(p -> profiles.put(p.user(), p));
        EconomyPolicy policy = EconomyPolicy.reference()
                .withEligibility(EligibilityPolicy.REFERENCE.withGiftingExcludedRegions(Set.of(IN)));
        economy = CoinEconomy.builder().catalog(Catalog.reference()).policy(policy).clock(clock)
                .profiles(ProfileDirectory.of(all)).build();
        economy.purchase(RequestId.of("setup-adult"), adult, "coins-11000", US);
        // account kind and a RESTRICTED standing do not stop buying; an excluded gifting region neither
        for (UserId u : List.of(government, politician, party, restricted, excluded)) {
            economy.purchase(RequestId.of("setup-" + u.value()), u, "coins-330", US);
        }
        assertEquals(6, economy.journalSize());
    }

    private RequestId next() {
        return RequestId.of("cmd-" + ids++);
    }

    /** Uses a request id freed by a rejection for an accepted command. */
    private void usable(RequestId id) {
        PurchaseReceipt r = economy.purchase(id, adult, "coins-65", US);
        assertEquals(id, r.requestId());
        assertEquals(r, economy.entry(id).orElseThrow().receipt());
    }

    private EconomyException notEligible(RequestId id, org.junit.jupiter.api.function.Executable command,
                                         UserId user, EligibilityAction action, IneligibilityReason reason,
                                         Object... values) {
        Object[] all = new Object[6 + values.length];
        all[0] = "user";
        all[1] = user;
        all[2] = "action";
        all[3] = action;
        all[4] = "reason";
        all[5] = reason;
        System.arraycopy(values, 0, all, 6, values.length);
        EconomyException e = rejected(economy, users, id, RejectionCode.NOT_ELIGIBLE, command, all);
        usable(id);
        return e;
    }

    @Test
    void aSeventeenYearOldMayNeitherBuyNorSendNorReceive() {
        RequestId buy = next();
        notEligible(buy, () -> economy.purchase(buy, minor, "coins-65", US), minor, EligibilityAction.BUY,
                IneligibilityReason.AGE, "age", 17, "minimumAge", 18, "region", US);
        RequestId send = next();
        notEligible(send, () -> economy.sendGift(send, minor, creator, "rose", 1), minor,
                EligibilityAction.SEND_GIFT, IneligibilityReason.AGE, "age", 17, "minimumAge", 18);
        for (GiftContext context : GiftContext.values()) {
            RequestId receive = next();
            notEligible(receive, () -> economy.sendGift(receive, adult, minor, "rose", 1, context), minor,
                    EligibilityAction.RECEIVE_GIFT, IneligibilityReason.AGE, "age", 17, "minimumAge", 18);
        }
    }

    @Test
    void ageIsComputedAtTheCommandsInstant() {
        clock.set("2026-11-25T23:59:59.999999999Z");
        RequestId id = next();
        notEligible(id, () -> economy.purchase(id, turning18, "coins-65", US), turning18, EligibilityAction.BUY,
                IneligibilityReason.AGE, "age", 17, "minimumAge", 18);
        RequestId gift = next();
        notEligible(gift, () -> economy.sendGift(gift, adult, turning18, "rose", 1, GiftContext.VIDEO), turning18,
                EligibilityAction.RECEIVE_GIFT, IneligibilityReason.AGE, "age", 17);

        clock.set("2026-11-26T00:00:00Z"); // the 18th birthday starts (age zone UTC)
        RequestId now = RequestId.of("birthday-buy");
        PurchaseReceipt r = economy.purchase(now, turning18, "coins-65", US);
        assertEquals(clock.instant(), r.instant());
        GiftReceipt g = economy.sendGift(RequestId.of("birthday-gift"), turning18, adult, "rose", 1,
                GiftContext.VIDEO);
        assertEquals(clock.instant(), g.instant());
        economy.sendGift(RequestId.of("birthday-received"), adult, turning18, "rose", 1, GiftContext.VIDEO);
    }

    @Test
    void anEighteenYearOldInKoreaNeedsNineteenToBuyAndSendButMayReceive() {
        RequestId buy = next();
        notEligible(buy, () -> economy.purchase(buy, kr18, "coins-65", US), kr18, EligibilityAction.BUY,
                IneligibilityReason.AGE, "age", 18, "minimumAge", 19, "region", KR);
        RequestId send = next();
        notEligible(send, () -> economy.sendGift(send, kr18, creator, "rose", 1), kr18,
                EligibilityAction.SEND_GIFT, IneligibilityReason.AGE, "age", 18, "minimumAge", 19, "region", KR);
        // receiving needs 18 everywhere (a VIDEO gift: kr18 has no followers to go LIVE)
        GiftReceipt g = economy.sendGift(next(), adult, kr18, "rose", 1, GiftContext.VIDEO);
        assertEquals(kr18, g.creator());
        assertEquals(1, economy.wallet(kr18).diamonds().amount());
    }

    @Test
    void anUnknownUserIsRejectedClearly() {
        RequestId buy = next();
        rejected(economy, users, buy, RejectionCode.UNKNOWN_USER,
                () -> economy.purchase(buy, ghost, "coins-65", US), "user", ghost);
        usable(buy);
        RequestId send = next();
        rejected(economy, users, send, RejectionCode.UNKNOWN_USER,
                () -> economy.sendGift(send, ghost, creator, "rose", 1), "user", ghost);
        usable(send);
        RequestId receive = next();
        rejected(economy, users, receive, RejectionCode.UNKNOWN_USER,
                () -> economy.sendGift(receive, adult, ghost, "rose", 1, GiftContext.VIDEO), "user", ghost);
        usable(receive);
    }

    @Test
    void governmentPoliticianAndPartyAccountsMayNeitherSendNorReceive() {
        for (UserId u : List.of(government, politician, party)) {
            AccountKind kind = profiles.get(u).accountKind();
            RequestId send = next();
            notEligible(send, () -> economy.sendGift(send, u, creator, "rose", 1), u,
                    EligibilityAction.SEND_GIFT, IneligibilityReason.ACCOUNT_KIND, "accountKind", kind);
            for (GiftContext context : GiftContext.values()) {
                RequestId receive = next();
                notEligible(receive, () -> economy.sendGift(receive, adult, u, "rose", 1, context), u,
                        EligibilityAction.RECEIVE_GIFT, IneligibilityReason.ACCOUNT_KIND, "accountKind", kind);
            }
            assertEquals(330, economy.wallet(u).coins().amount(), "bought, but never spent");
        }
    }

    @Test
    void bannedAndRestrictedStanding() {
        RequestId buy = next();
        notEligible(buy, () -> economy.purchase(buy, banned, "coins-65", US), banned, EligibilityAction.BUY,
                IneligibilityReason.STANDING, "standing", Standing.BANNED);
        RequestId bannedSends = next();
        notEligible(bannedSends, () -> economy.sendGift(bannedSends, banned, creator, "rose", 1), banned,
                EligibilityAction.SEND_GIFT, IneligibilityReason.STANDING, "standing", Standing.BANNED);
        RequestId bannedReceives = next();
        notEligible(bannedReceives, () -> economy.sendGift(bannedReceives, adult, banned, "rose", 1), banned,
                EligibilityAction.RECEIVE_GIFT, IneligibilityReason.STANDING, "standing", Standing.BANNED);

        RequestId restrictedSends = next();
        notEligible(restrictedSends, () -> economy.sendGift(restrictedSends, restricted, creator, "rose", 1),
                restricted, EligibilityAction.SEND_GIFT, IneligibilityReason.STANDING,
                "standing", Standing.RESTRICTED);
        RequestId restrictedReceives = next();
        notEligible(restrictedReceives,
                () -> economy.sendGift(restrictedReceives, adult, restricted, "rose", 1, GiftContext.VIDEO),
                restricted, EligibilityAction.RECEIVE_GIFT, IneligibilityReason.STANDING,
                "standing", Standing.RESTRICTED);
        assertEquals(330, economy.wallet(restricted).coins().amount(), "a restricted account still bought");
    }

    @Test
    void aCreatorWith999FollowersCannotReceiveLiveGiftsButVideoGifts() {
        RequestId live = next();
        notEligible(live, () -> economy.sendGift(live, adult, small, "rose", 1), small,
                EligibilityAction.RECEIVE_GIFT, IneligibilityReason.FOLLOWERS,
                "followers", 999L, "minimumFollowers", 1_000L);
        RequestId explicitLive = next();
        notEligible(explicitLive, () -> economy.sendGift(explicitLive, adult, small, "rose", 1, GiftContext.LIVE),
                small, EligibilityAction.RECEIVE_GIFT, IneligibilityReason.FOLLOWERS, "followers", 999L);

        // a gift in a stream is a LIVE gift: same refusal, and the stream counts nothing
        StreamId stream = StreamId.of("small-live");
        economy.startStream(stream, small);
        RequestId inStream = next();
        notEligible(inStream, () -> economy.sendStreamGift(inStream, adult, stream, "rose", 1), small,
                EligibilityAction.RECEIVE_GIFT, IneligibilityReason.FOLLOWERS, "followers", 999L);
        assertEquals(0, economy.streamSummary(stream, 5).giftEntries());

        GiftReceipt video = economy.sendGift(next(), adult, small, "rose", 3, GiftContext.VIDEO);
        assertEquals(GiftContext.VIDEO, video.context());
        assertEquals(3, economy.wallet(small).diamonds().amount());
        GiftReceipt atMinimum = economy.sendGift(next(), adult, exactly1000, "rose", 1);
        assertEquals(GiftContext.LIVE, atMinimum.context());
    }

    @Test
    void giftingDoesNotExistInAnExcludedRegion() {
        RequestId send = next();
        notEligible(send, () -> economy.sendGift(send, excluded, creator, "rose", 1), excluded,
                EligibilityAction.SEND_GIFT, IneligibilityReason.REGION, "region", IN);
        RequestId receive = next();
        notEligible(receive, () -> economy.sendGift(receive, adult, excluded, "rose", 1, GiftContext.VIDEO),
                excluded, EligibilityAction.RECEIVE_GIFT, IneligibilityReason.REGION, "region", IN);
        assertEquals(330, economy.wallet(excluded).coins().amount());
    }

    @Test
    void theSenderIsCheckedBeforeTheCreator() {
        RequestId id = next();
        notEligible(id, () -> economy.sendGift(id, minor, banned, "rose", 1), minor,
                EligibilityAction.SEND_GIFT, IneligibilityReason.AGE);
    }

    @Test
    void profilesAreReadAtEachCommandButRetriesOfAcceptedCommandsAreAnsweredAsStored() {
        Map<UserId, UserProfile> live = new ConcurrentHashMap<>(profiles);
        CoinEconomy e = CoinEconomy.builder().clock(clock).profiles(ProfileDirectory.backedBy(live)).build();
        PurchaseReceipt bought = e.purchase(RequestId.of("b-1"), adult, "coins-330", US);
        GiftReceipt sent = e.sendGift(RequestId.of("g-1"), adult, creator, "rose", 2);

        live.put(adult, live.get(adult).withStanding(Standing.BANNED));
        live.put(creator, live.get(creator).withFollowers(10));
        assertEquals(bought, e.purchase(RequestId.of("b-1"), adult, "coins-330", US));
        assertEquals(sent, e.sendGift(RequestId.of("g-1"), adult, creator, "rose", 2));
        EconomyException refused = rejected(e, List.of(adult, creator), RequestId.of("b-2"),
                RejectionCode.NOT_ELIGIBLE, () -> e.purchase(RequestId.of("b-2"), adult, "coins-330", US),
                "reason", IneligibilityReason.STANDING);
        assertEquals(adult, refused.value("user"));
        assertEquals(2, e.journalSize());
    }

    @Test
    void withoutADirectoryNobodyIsChecked() {
        CoinEconomy open = CoinEconomy.builder().catalog(Catalog.reference()).clock(clock).build();
        // users no directory knows, a minor's id, a creator without followers: all accepted
        open.purchase(RequestId.of("o-1"), minor, "coins-330", US);
        open.purchase(RequestId.of("o-2"), ghost, "coins-330", US);
        open.purchase(RequestId.of("o-2b"), banned, "coins-330", US);
        open.sendGift(RequestId.of("o-3"), minor, small, "rose", 1);
        open.sendGift(RequestId.of("o-4"), ghost, politician, "rose", 1, GiftContext.LIVE);
        open.sendGift(RequestId.of("o-5"), banned, excluded, "rose", 1, GiftContext.VIDEO);
        assertEquals(6, open.journalSize());
        assertEquals(329, open.wallet(minor).coins().amount());
        assertEquals(1, open.wallet(politician).diamonds().amount());
    }
}
