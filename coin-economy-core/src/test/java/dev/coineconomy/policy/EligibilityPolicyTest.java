package dev.coineconomy.policy;

import dev.coineconomy.Region;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.Standing;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference eligibility settings, the withers and validation of {@link EligibilityPolicy} and {@link MinimumAge}. */
class EligibilityPolicyTest {

    private static final Region US = Region.of("US");
    private static final Region KR = Region.of("KR");
    private static final Region DE = Region.of("DE");
    private static final EligibilityPolicy REF = EligibilityPolicy.REFERENCE;

    @Test
    void referenceHoldsTheValuesOfRulesMd() {
        for (EligibilityAction a : EligibilityAction.values()) {
            assertEquals(18, REF.minimumAge(a, US, false), a::toString);
            assertEquals(18, REF.minimumAge(a, US, true), a::toString);
        }
        assertEquals(19, REF.minimumAge(EligibilityAction.BUY, KR, false));
        assertEquals(19, REF.minimumAge(EligibilityAction.SEND_GIFT, KR, false));
        assertEquals(18, REF.minimumAge(EligibilityAction.RECEIVE_GIFT, KR, false));
        assertEquals(18, REF.minimumAge(EligibilityAction.RECEIVE_GIFT, KR, true));
        assertEquals(18, REF.liveMinimumAge());
        assertEquals(1_000, REF.liveMinimumFollowers());
        assertTrue(REF.giftingExcludedRegions().isEmpty());
        assertTrue(REF.giftingExistsIn(US) && REF.giftingExistsIn(KR));
        assertEquals(EnumSet.of(AccountKind.GOVERNMENT, AccountKind.POLITICIAN, AccountKind.POLITICAL_PARTY),
                EnumSet.copyOf(REF.excludedAccountKinds()));
        assertTrue(REF.restrictedMayBuy());
        assertEquals(ZoneOffset.UTC, REF.ageZone());
    }

    @Test
    void standingsAllowWhatTheReferenceSays() {
        for (EligibilityAction a : EligibilityAction.values()) {
            assertTrue(REF.allows(Standing.GOOD, a));
            assertFalse(REF.allows(Standing.BANNED, a));
            assertEquals(a == EligibilityAction.BUY, REF.allows(Standing.RESTRICTED, a), a::toString);
        }
        EligibilityPolicy strict = REF.withRestrictedMayBuy(false);
        assertFalse(strict.restrictedMayBuy());
        for (EligibilityAction a : EligibilityAction.values()) {
            assertFalse(strict.allows(Standing.RESTRICTED, a));
            assertTrue(strict.allows(Standing.GOOD, a));
        }
    }

    @Test
    void liveRaisesTheReceiveAgeToTheLiveAgeOnly() {
        EligibilityPolicy p = REF.withMinimumAgeToReceive(16).withLiveMinimumAge(20);
        assertEquals(16, p.minimumAge(EligibilityAction.RECEIVE_GIFT, US, false));
        assertEquals(20, p.minimumAge(EligibilityAction.RECEIVE_GIFT, US, true));
        assertEquals(18, p.minimumAge(EligibilityAction.SEND_GIFT, US, true), "live only concerns receiving");
        EligibilityPolicy q = REF.withMinimumAgeToReceive(KR, 21).withLiveMinimumAge(16);
        assertEquals(21, q.minimumAge(EligibilityAction.RECEIVE_GIFT, KR, true), "the larger age applies");
        assertEquals(18, q.minimumAge(EligibilityAction.RECEIVE_GIFT, US, true));
    }

    @Test
    void withersReplaceExactlyOneSetting() {
        assertEquals(REF, new EligibilityPolicy(REF.buyAge(), REF.sendAge(), REF.receiveAge(),
                REF.giftingExcludedRegions(), 18, 1_000, true, REF.excludedAccountKinds(), ZoneOffset.UTC));

        EligibilityPolicy buy = REF.withMinimumAgeToBuy(21);
        assertEquals(21, buy.minimumAge(EligibilityAction.BUY, US, false));
        assertEquals(19, buy.minimumAge(EligibilityAction.BUY, KR, false), "the KR override stays");
        assertEquals(REF.sendAge(), buy.sendAge());
        assertEquals(20, REF.withMinimumAgeToBuy(KR, 20).minimumAge(EligibilityAction.BUY, KR, false));
        assertEquals(MinimumAge.of(13), REF.withBuyAge(MinimumAge.of(13)).buyAge());

        EligibilityPolicy send = REF.withMinimumAgeToSend(17).withMinimumAgeToSend(DE, 16);
        assertEquals(17, send.minimumAge(EligibilityAction.SEND_GIFT, US, false));
        assertEquals(16, send.minimumAge(EligibilityAction.SEND_GIFT, DE, false));
        assertEquals(19, send.minimumAge(EligibilityAction.SEND_GIFT, KR, false));
        assertEquals(REF.buyAge(), send.buyAge());
        assertEquals(MinimumAge.of(13), REF.withSendAge(MinimumAge.of(13)).sendAge());

        EligibilityPolicy receive = REF.withMinimumAgeToReceive(17).withMinimumAgeToReceive(DE, 16);
        assertEquals(17, receive.minimumAge(EligibilityAction.RECEIVE_GIFT, US, false));
        assertEquals(16, receive.minimumAge(EligibilityAction.RECEIVE_GIFT, DE, false));
        assertEquals(MinimumAge.of(13), REF.withReceiveAge(MinimumAge.of(13)).receiveAge());

        EligibilityPolicy regions = REF.withGiftingExcludedRegions(Set.of(DE));
        assertFalse(regions.giftingExistsIn(DE));
        assertTrue(regions.giftingExistsIn(US));
        assertEquals(17, REF.withLiveMinimumAge(17).liveMinimumAge());
        assertEquals(0, REF.withLiveMinimumFollowers(0).liveMinimumFollowers());
        assertEquals(Set.of(AccountKind.BUSINESS), REF.withExcludedAccountKinds(Set.of(AccountKind.BUSINESS))
                .excludedAccountKinds());
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertEquals(seoul, REF.withAgeZone(seoul).ageZone());
        assertNotEquals(REF, REF.withAgeZone(seoul));
        assertEquals(REF, REF.withAgeZone(ZoneOffset.UTC));
    }

    @Test
    void setsAreCopiedAndUnmodifiable() {
        Set<Region> regions = new HashSet<>(Set.of(DE));
        EligibilityPolicy p = REF.withGiftingExcludedRegions(regions);
        regions.add(US);
        assertEquals(Set.of(DE), p.giftingExcludedRegions());
        assertThrows(UnsupportedOperationException.class, () -> p.giftingExcludedRegions().add(US));
        assertThrows(UnsupportedOperationException.class, () -> p.excludedAccountKinds().clear());
        Map<Region, Integer> overrides = new HashMap<>(Map.of(KR, 19));
        MinimumAge age = new MinimumAge(18, overrides);
        overrides.put(US, 30);
        assertEquals(18, age.in(US));
        assertThrows(UnsupportedOperationException.class, () -> age.byRegion().clear());
    }

    @Test
    void invalidSettingsAreProgrammingErrors() {
        assertEquals("LIVE minimum age must be 0 to 150 years, got -1",
                assertThrows(IllegalArgumentException.class, () -> REF.withLiveMinimumAge(-1)).getMessage());
        assertEquals("LIVE minimum age must be 0 to 150 years, got 151",
                assertThrows(IllegalArgumentException.class, () -> REF.withLiveMinimumAge(151)).getMessage());
        assertEquals("LIVE minimum followers must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> REF.withLiveMinimumFollowers(-1)).getMessage());
        assertEquals("minimum years must be 0 to 150 years, got -1",
                assertThrows(IllegalArgumentException.class, () -> REF.withMinimumAgeToBuy(-1)).getMessage());
        assertEquals("minimum age in KR must be 0 to 150 years, got 200",
                assertThrows(IllegalArgumentException.class, () -> REF.withMinimumAgeToSend(KR, 200)).getMessage());
        assertEquals("region", assertThrows(NullPointerException.class,
                () -> REF.withMinimumAgeToReceive(null, 18)).getMessage());
        assertEquals("ageZone", assertThrows(NullPointerException.class, () -> REF.withAgeZone(null)).getMessage());
        assertEquals("giftingExcludedRegions", assertThrows(NullPointerException.class,
                () -> REF.withGiftingExcludedRegions(null)).getMessage());
        assertEquals("excludedAccountKinds", assertThrows(NullPointerException.class,
                () -> REF.withExcludedAccountKinds(null)).getMessage());
        assertEquals("buyAge", assertThrows(NullPointerException.class, () -> REF.withBuyAge(null)).getMessage());
        Map<Region, Integer> withNull = new HashMap<>();
        withNull.put(KR, null);
        assertEquals("age", assertThrows(NullPointerException.class, () -> new MinimumAge(18, withNull)).getMessage());
        assertEquals(0, MinimumAge.of(0).years());
        assertEquals(150, MinimumAge.of(150).years());
    }
}
