package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.policy.EligibilityAction;
import dev.coineconomy.policy.EligibilityPolicy;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.Standing;
import dev.coineconomy.profile.UserProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eligibility checks of the reference policy at their boundaries: the 18th birthday (UTC and another
 * zone), 19 in KR, 29 February, 999/1,000 followers, every account kind and standing, excluded regions,
 * the order of checks, unknown users and a directory that breaks its contract.
 */
class EligibilityTest {

    private static final Eligibility REF = new Eligibility(EligibilityPolicy.REFERENCE);
    private static final UserId ANN = UserId.of("ann");
    private static final Region US = Region.of("US");
    private static final Region KR = Region.of("KR");
    private static final Region DE = Region.of("DE");
    /** The command's instant: 2026-11-25T12:00Z. */
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static UserProfile adult(Region region) {
        return new UserProfile(ANN, LocalDate.of(1990, 5, 5), region, 5_000, Standing.GOOD, AccountKind.PERSONAL);
    }

    private static UserProfile born(LocalDate birthDate, Region region) {
        return adult(region).withBirthDate(birthDate);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static EconomyException notEligible(Executable check) {
        EconomyException e = assertThrows(EconomyException.class, check);
        assertEquals(RejectionCode.NOT_ELIGIBLE, e.code());
        assertTrue(e.getMessage().startsWith("NOT_ELIGIBLE: user ann may not "), e.getMessage());
        return e;
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- age ------------------------------------------------------------------------------------

    @Test
    void the18thBirthdayCountsFromTheStartOfThatDayInUtc() {
        LocalDate birthday18 = LocalDate.of(2026, 11, 25);
        UserProfile p = born(LocalDate.of(2008, 11, 25), US);
        Instant midnight = startOf(birthday18);
        assertDoesNotThrow(() -> REF.checkBuyer(p, midnight));
        assertDoesNotThrow(() -> REF.checkSender(p, midnight));
        assertDoesNotThrow(() -> REF.checkReceiver(p, midnight, false));
        assertDoesNotThrow(() -> REF.checkReceiver(p, midnight, true));
        Instant before = midnight.minusNanos(1);
        EconomyException e = notEligible(() -> REF.checkBuyer(p, before));
        assertEquals(values("user", ANN, "action", EligibilityAction.BUY, "reason", IneligibilityReason.AGE,
                "age", 17, "minimumAge", 18, "region", US), e.values());
        assertEquals("NOT_ELIGIBLE: user ann may not buy coins (AGE): age 17 is below the minimum age 18 in region US",
                e.getMessage());
        assertEquals(EligibilityAction.SEND_GIFT, notEligible(() -> REF.checkSender(p, before)).value("action"));
        EconomyException live = notEligible(() -> REF.checkReceiver(p, before, true));
        assertEquals(EligibilityAction.RECEIVE_GIFT, live.value("action"));
        assertEquals(IneligibilityReason.AGE, live.value("reason"));
        assertTrue(live.getMessage().endsWith("for LIVE gifts"), live.getMessage());
        assertEquals(IneligibilityReason.AGE, notEligible(() -> REF.checkReceiver(p, before, false)).value("reason"));
    }

    @Test
    void theBirthdayFollowsTheCalendarOfTheAgeZone() {
        ZoneId seoul = ZoneId.of("Asia/Seoul"); // UTC+9
        Eligibility inSeoul = new Eligibility(EligibilityPolicy.REFERENCE.withAgeZone(seoul));
        UserProfile p = born(LocalDate.of(2008, 11, 25), US);
        Instant seoulMidnight = Instant.parse("2026-11-24T15:00:00Z"); // 2026-11-25T00:00 in Seoul
        assertDoesNotThrow(() -> inSeoul.checkBuyer(p, seoulMidnight));
        notEligible(() -> inSeoul.checkBuyer(p, seoulMidnight.minusSeconds(1)));
        notEligible(() -> REF.checkBuyer(p, seoulMidnight), "still the 24th in UTC");
        assertEquals(18, Eligibility.age(p.birthDate(), seoulMidnight, seoul));
        assertEquals(17, Eligibility.age(p.birthDate(), seoulMidnight, ZoneOffset.UTC));
    }

    private static void notEligible(Executable check, String why) {
        assertEquals(RejectionCode.NOT_ELIGIBLE, assertThrows(EconomyException.class, check, why).code(), why);
    }

    @Test
    void koreaNeeds19ToBuyAndSendBut18ToReceive() {
        UserProfile eighteen = born(LocalDate.of(2008, 11, 25), KR);
        EconomyException buy = notEligible(() -> REF.checkBuyer(eighteen, NOW));
        assertEquals(values("user", ANN, "action", EligibilityAction.BUY, "reason", IneligibilityReason.AGE,
                "age", 18, "minimumAge", 19, "region", KR), buy.values());
        EconomyException send = notEligible(() -> REF.checkSender(eighteen, NOW));
        assertEquals(19, send.value("minimumAge"));
        assertEquals(EligibilityAction.SEND_GIFT, send.value("action"));
        assertDoesNotThrow(() -> REF.checkReceiver(eighteen, NOW, false));
        assertDoesNotThrow(() -> REF.checkReceiver(eighteen, NOW, true));

        UserProfile nineteen = born(LocalDate.of(2007, 11, 25), KR);
        assertDoesNotThrow(() -> REF.checkBuyer(nineteen, NOW));
        assertDoesNotThrow(() -> REF.checkSender(nineteen, NOW));
        UserProfile almost19 = born(LocalDate.of(2007, 11, 26), KR);
        assertEquals(18, notEligible(() -> REF.checkBuyer(almost19, NOW)).value("age"));
        assertDoesNotThrow(() -> REF.checkBuyer(almost19.withRegion(US), NOW), "18 is enough outside KR");
    }

    @Test
    void aLeapDayBirthdayIsReachedOnFirstMarchInOtherYears() {
        UserProfile leap = born(LocalDate.of(2008, 2, 29), US);
        // 2026 has no 29 February: 18 on 1 March
        notEligible(() -> REF.checkBuyer(leap, startOf(LocalDate.of(2026, 2, 28))), "28 Feb 2026");
        notEligible(() -> REF.checkBuyer(leap, startOf(LocalDate.of(2026, 3, 1)).minusNanos(1)), "end of 28 Feb");
        assertDoesNotThrow(() -> REF.checkBuyer(leap, startOf(LocalDate.of(2026, 3, 1))));
        assertEquals(17, Eligibility.age(leap.birthDate(), startOf(LocalDate.of(2026, 2, 28)), ZoneOffset.UTC));
        assertEquals(18, Eligibility.age(leap.birthDate(), startOf(LocalDate.of(2026, 3, 1)), ZoneOffset.UTC));
        // a 28 February birthday in a leap year is still 28 February
        UserProfile feb28 = born(LocalDate.of(2009, 2, 28), KR); // 19 on 2028-02-28
        notEligible(() -> REF.checkBuyer(feb28, startOf(LocalDate.of(2028, 2, 28)).minusNanos(1)), "27 Feb 2028");
        assertDoesNotThrow(() -> REF.checkBuyer(feb28, startOf(LocalDate.of(2028, 2, 28))));
        UserProfile leapToLeap = born(LocalDate.of(2004, 2, 29), US); // turns 24 on 2028-02-29 (a leap day)
        assertEquals(23, Eligibility.age(leapToLeap.birthDate(), startOf(LocalDate.of(2028, 2, 28)), ZoneOffset.UTC));
        assertEquals(24, Eligibility.age(leapToLeap.birthDate(), startOf(LocalDate.of(2028, 2, 29)), ZoneOffset.UTC));
        // a KR user born on a leap day reaches 19 on 1 March 2027
        UserProfile krLeap = born(LocalDate.of(2008, 2, 29), KR);
        assertEquals(18, notEligible(() -> REF.checkSender(krLeap, startOf(LocalDate.of(2027, 2, 28)))).value("age"));
        assertDoesNotThrow(() -> REF.checkSender(krLeap, startOf(LocalDate.of(2027, 3, 1))));
    }

    @Test
    void aBirthDateAfterTheCommandIsANegativeAgeAndIneligible() {
        UserProfile future = born(LocalDate.of(2030, 1, 1), US);
        EconomyException e = notEligible(() -> REF.checkBuyer(future, NOW));
        assertEquals(-3, e.value("age"), "whole years, truncated towards zero");
        assertEquals(0, Eligibility.age(NOW.atZone(ZoneOffset.UTC).toLocalDate(), NOW, ZoneOffset.UTC));
        assertEquals(IllegalStateException.class, assertThrows(IllegalStateException.class,
                () -> REF.checkBuyer(adult(US), Instant.MAX)).getClass());
    }

    // ---- LIVE -------------------------------------------------------------------------------------

    @Test
    void liveGiftsNeedAThousandFollowers() {
        UserProfile p999 = adult(US).withFollowers(999);
        UserProfile p1000 = adult(US).withFollowers(1_000);
        EconomyException e = notEligible(() -> REF.checkReceiver(p999, NOW, true));
        assertEquals(values("user", ANN, "action", EligibilityAction.RECEIVE_GIFT,
                "reason", IneligibilityReason.FOLLOWERS, "followers", 999L, "minimumFollowers", 1_000L), e.values());
        assertEquals("NOT_ELIGIBLE: user ann may not receive gifts (FOLLOWERS): 999 followers, a LIVE creator needs at least 1000",
                e.getMessage());
        assertDoesNotThrow(() -> REF.checkReceiver(p1000, NOW, true));
        assertDoesNotThrow(() -> REF.checkReceiver(p999, NOW, false), "followers do not matter for VIDEO gifts");
        assertDoesNotThrow(() -> REF.checkReceiver(adult(US).withFollowers(0), NOW, false));
        assertDoesNotThrow(() -> REF.checkSender(adult(US).withFollowers(0), NOW), "nor for senders");
        Eligibility noFollowers = new Eligibility(EligibilityPolicy.REFERENCE.withLiveMinimumFollowers(0));
        assertDoesNotThrow(() -> noFollowers.checkReceiver(adult(US).withFollowers(0), NOW, true));
    }

    @Test
    void theLiveAgeAppliesToLiveGiftsOnly() {
        Eligibility p = new Eligibility(EligibilityPolicy.REFERENCE.withMinimumAgeToReceive(16).withLiveMinimumAge(18));
        UserProfile sixteen = born(LocalDate.of(2010, 11, 25), US);
        assertDoesNotThrow(() -> p.checkReceiver(sixteen, NOW, false));
        EconomyException e = notEligible(() -> p.checkReceiver(sixteen, NOW, true));
        assertEquals(values("user", ANN, "action", EligibilityAction.RECEIVE_GIFT, "reason", IneligibilityReason.AGE,
                "age", 16, "minimumAge", 18, "region", US), e.values());
    }

    // ---- account kind, standing, region ---------------------------------------------------------------

    @Test
    void excludedAccountKindsMayNeitherSendNorReceiveButMayBuy() {
        for (AccountKind kind : AccountKind.values()) {
            UserProfile p = adult(US).withAccountKind(kind);
            boolean excluded = kind == AccountKind.GOVERNMENT || kind == AccountKind.POLITICIAN
                    || kind == AccountKind.POLITICAL_PARTY;
            assertDoesNotThrow(() -> REF.checkBuyer(p, NOW), kind::toString);
            if (excluded) {
                EconomyException send = notEligible(() -> REF.checkSender(p, NOW));
                assertEquals(values("user", ANN, "action", EligibilityAction.SEND_GIFT,
                        "reason", IneligibilityReason.ACCOUNT_KIND, "accountKind", kind), send.values());
                for (boolean live : new boolean[] {false, true}) {
                    EconomyException receive = notEligible(() -> REF.checkReceiver(p, NOW, live));
                    assertEquals(values("user", ANN, "action", EligibilityAction.RECEIVE_GIFT,
                            "reason", IneligibilityReason.ACCOUNT_KIND, "accountKind", kind), receive.values());
                }
            } else {
                assertDoesNotThrow(() -> REF.checkSender(p, NOW), kind::toString);
                assertDoesNotThrow(() -> REF.checkReceiver(p, NOW, true), kind::toString);
                assertDoesNotThrow(() -> REF.checkReceiver(p, NOW, false), kind::toString);
            }
        }
        Eligibility open = new Eligibility(EligibilityPolicy.REFERENCE.withExcludedAccountKinds(Set.of()));
        assertDoesNotThrow(() -> open.checkSender(adult(US).withAccountKind(AccountKind.POLITICIAN), NOW));
    }

    @Test
    void eachStandingDoesWhatThePolicySays() {
        for (Standing standing : Standing.values()) {
            UserProfile p = adult(US).withStanding(standing);
            if (standing == Standing.GOOD) {
                assertDoesNotThrow(() -> REF.checkBuyer(p, NOW));
                assertDoesNotThrow(() -> REF.checkSender(p, NOW));
                assertDoesNotThrow(() -> REF.checkReceiver(p, NOW, true));
                continue;
            }
            if (standing == Standing.RESTRICTED) {
                assertDoesNotThrow(() -> REF.checkBuyer(p, NOW), "a restricted account may buy");
            } else {
                assertEquals(values("user", ANN, "action", EligibilityAction.BUY,
                        "reason", IneligibilityReason.STANDING, "standing", standing),
                        notEligible(() -> REF.checkBuyer(p, NOW)).values());
            }
            assertEquals(values("user", ANN, "action", EligibilityAction.SEND_GIFT,
                    "reason", IneligibilityReason.STANDING, "standing", standing),
                    notEligible(() -> REF.checkSender(p, NOW)).values());
            assertEquals(values("user", ANN, "action", EligibilityAction.RECEIVE_GIFT,
                    "reason", IneligibilityReason.STANDING, "standing", standing),
                    notEligible(() -> REF.checkReceiver(p, NOW, false)).values());
        }
        Eligibility strict = new Eligibility(EligibilityPolicy.REFERENCE.withRestrictedMayBuy(false));
        assertEquals(IneligibilityReason.STANDING,
                notEligible(() -> strict.checkBuyer(adult(US).withStanding(Standing.RESTRICTED), NOW)).value("reason"));
    }

    @Test
    void noGiftingInAnExcludedRegionButBuyingIsUnaffected() {
        Eligibility p = new Eligibility(EligibilityPolicy.REFERENCE.withGiftingExcludedRegions(Set.of(DE)));
        UserProfile german = adult(DE);
        assertDoesNotThrow(() -> p.checkBuyer(german, NOW));
        EconomyException send = notEligible(() -> p.checkSender(german, NOW));
        assertEquals(values("user", ANN, "action", EligibilityAction.SEND_GIFT,
                "reason", IneligibilityReason.REGION, "region", DE), send.values());
        assertEquals("NOT_ELIGIBLE: user ann may not send gifts (REGION): gifting does not exist in region DE",
                send.getMessage());
        assertEquals(IneligibilityReason.REGION, notEligible(() -> p.checkReceiver(german, NOW, false)).value("reason"));
        assertDoesNotThrow(() -> p.checkSender(adult(US), NOW));
        assertDoesNotThrow(() -> REF.checkSender(german, NOW), "the reference has gifting everywhere");
    }

    // ---- order of checks ------------------------------------------------------------------------------

    @Test
    void theSameBadProfileAlwaysGetsTheSameReasonInTheDocumentedOrder() {
        Eligibility p = new Eligibility(EligibilityPolicy.REFERENCE.withGiftingExcludedRegions(Set.of(KR)));
        UserProfile worst = new UserProfile(ANN, LocalDate.of(2020, 1, 1), KR, 3, Standing.BANNED,
                AccountKind.POLITICIAN);
        assertEquals(IneligibilityReason.ACCOUNT_KIND, notEligible(() -> p.checkSender(worst, NOW)).value("reason"));
        assertEquals(IneligibilityReason.ACCOUNT_KIND, notEligible(() -> p.checkReceiver(worst, NOW, true)).value("reason"));
        assertEquals(IneligibilityReason.STANDING, notEligible(() -> p.checkBuyer(worst, NOW)).value("reason"));
        UserProfile personal = worst.withAccountKind(AccountKind.PERSONAL);
        assertEquals(IneligibilityReason.STANDING, notEligible(() -> p.checkReceiver(personal, NOW, true)).value("reason"));
        UserProfile good = personal.withStanding(Standing.GOOD);
        assertEquals(IneligibilityReason.REGION, notEligible(() -> p.checkReceiver(good, NOW, true)).value("reason"));
        assertEquals(IneligibilityReason.AGE, notEligible(() -> p.checkBuyer(good, NOW)).value("reason"));
        UserProfile elsewhere = good.withRegion(US);
        assertEquals(IneligibilityReason.AGE, notEligible(() -> p.checkReceiver(elsewhere, NOW, true)).value("reason"));
        UserProfile grownUp = elsewhere.withBirthDate(LocalDate.of(2000, 1, 1));
        assertEquals(IneligibilityReason.FOLLOWERS, notEligible(() -> p.checkReceiver(grownUp, NOW, true)).value("reason"));
        assertDoesNotThrow(() -> p.checkReceiver(grownUp, NOW, false));
        for (int i = 0; i < 3; i++) { // deterministic
            assertEquals(IneligibilityReason.ACCOUNT_KIND, notEligible(() -> p.checkSender(worst, NOW)).value("reason"));
        }
    }

    // ---- directory ------------------------------------------------------------------------------------

    @Test
    void lookupThenCheckReturnsTheProfileOrRejectsUnknownUsers() {
        UserProfile ann = adult(US);
        ProfileDirectory dir = ProfileDirectory.of(ann);
        assertSame(ann, REF.buyer(dir, ANN, NOW));
        assertSame(ann, REF.sender(dir, ANN, NOW));
        assertSame(ann, REF.receiver(dir, ANN, NOW, true));
        UserId ghost = UserId.of("ghost");
        for (Executable lookup : new Executable[] {() -> REF.buyer(dir, ghost, NOW), () -> REF.sender(dir, ghost, NOW),
                () -> REF.receiver(dir, ghost, NOW, false), () -> Eligibility.profile(dir, ghost)}) {
            EconomyException e = assertThrows(EconomyException.class, lookup);
            assertEquals(RejectionCode.UNKNOWN_USER, e.code());
            assertEquals(Map.of("user", ghost), e.values());
            assertEquals("UNKNOWN_USER: the profile directory does not know user ghost", e.getMessage());
        }
        ProfileDirectory young = ProfileDirectory.of(born(LocalDate.of(2010, 1, 1), US));
        assertEquals(RejectionCode.NOT_ELIGIBLE,
                assertThrows(EconomyException.class, () -> REF.sender(young, ANN, NOW)).code());
    }

    @Test
    void aDirectoryBreakingItsContractIsAnIllegalState() {
        ProfileDirectory nulls = user -> null;
        assertTrue(assertThrows(IllegalStateException.class, () -> Eligibility.profile(nulls, ANN))
                .getMessage().endsWith("returned null for user ann"));
        UserProfile bob = adult(US).withBirthDate(LocalDate.of(1980, 1, 1));
        ProfileDirectory wrong = user -> Optional.of(new UserProfile(UserId.of("bob"), bob.birthDate(), US, 0,
                Standing.GOOD, AccountKind.PERSONAL));
        assertTrue(assertThrows(IllegalStateException.class, () -> REF.buyer(wrong, ANN, NOW))
                .getMessage().endsWith("returned the profile of user bob for user ann"));
    }

    @Test
    void nullArgumentsAreNamed() {
        assertEquals("policy", assertThrows(NullPointerException.class, () -> new Eligibility(null)).getMessage());
        assertEquals("profile", assertThrows(NullPointerException.class, () -> REF.checkBuyer(null, NOW)).getMessage());
        assertEquals("at", assertThrows(NullPointerException.class, () -> REF.checkSender(adult(US), null)).getMessage());
        assertEquals("directory", assertThrows(NullPointerException.class, () -> Eligibility.profile(null, ANN)).getMessage());
        assertEquals("user", assertThrows(NullPointerException.class,
                () -> Eligibility.profile(ProfileDirectory.of(), null)).getMessage());
        assertSame(EligibilityPolicy.REFERENCE, REF.policy());
    }
}
