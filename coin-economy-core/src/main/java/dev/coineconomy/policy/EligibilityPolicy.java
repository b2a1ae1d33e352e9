package dev.coineconomy.policy;

import dev.coineconomy.Region;
import dev.coineconomy.profile.AccountKind;
import dev.coineconomy.profile.Standing;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may buy coins, send gifts and receive them, decided from the host's
 * {@link dev.coineconomy.profile.UserProfile} at the instant of each command.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Buy coins</b> ({@link EligibilityAction#BUY}): standing {@code GOOD}, or {@code RESTRICTED}
 *       if {@link #restrictedMayBuy()} (reference: yes — a restriction stops interaction with other users,
 *       not holding coins); never {@code BANNED}. At least {@link #buyAge()} in the user's region
 *       (reference 18, 19 in KR). Account kind and region do not matter for buying.</li>
 *   <li><b>Send a gift</b> ({@link EligibilityAction#SEND_GIFT}): an account kind not in
 *       {@link #excludedAccountKinds()} (reference: government, politician, political party), standing
 *       {@code GOOD}, a region where gifting exists (not in {@link #giftingExcludedRegions()}), at least
 *       {@link #sendAge()} in the user's region (reference 18, 19 in KR).</li>
 *   <li><b>Receive a gift</b> ({@link EligibilityAction#RECEIVE_GIFT}): the same account kind, standing
 *       and region rules; at least {@link #receiveAge()} in the creator's region (reference 18). A LIVE gift
 *       also needs the creator eligible to go LIVE: at least {@link #liveMinimumAge()} (reference 18; the
 *       larger of the two ages applies) and at least {@link #liveMinimumFollowers()} followers (reference
 *       1,000).</li>
 * </ul>
 *
 * <h2>Order of checks</h2>
 * A user who breaks several rules always gets the same reason: the checks run from the account's
 * categorical facts to its changing ones — {@link IneligibilityReason#ACCOUNT_KIND}, then
 * {@link IneligibilityReason#STANDING}, then {@link IneligibilityReason#REGION}, then
 * {@link IneligibilityReason#AGE}, then {@link IneligibilityReason#FOLLOWERS} (only the checks that apply
 * to the action run). A gift checks the sender fully before the creator.
 *
 * <h2>Age</h2>
 * The age is the number of whole years from the birth date to the calendar date of the command's instant
 * in {@link #ageZone()} (reference UTC): a user turns 18 at the start of their 18th birthday in that zone.
 * A 29 February birthday is reached on 1 March in a year without 29 February
 * ({@code LocalDate.until(…, YEARS)}).
 *
 * <p>Immutable and thread-safe; the withers return new policies.
 *
 * @param buyAge                 the minimum age to buy coins, by region
 * @param sendAge                the minimum age to send gifts, by region
 * @param receiveAge             the minimum age to receive gifts, by region
 * @param giftingExcludedRegions the regions where gifting does not exist: users there may neither send
 *                               nor receive (reference: none)
 * @param liveMinimumAge         the minimum age to go LIVE, 0 to 150 (needed to receive LIVE gifts)
 * @param liveMinimumFollowers   the minimum followers to go LIVE, not negative (needed to receive LIVE gifts)
 * @param restrictedMayBuy       whether a {@code RESTRICTED} account may buy coins
 * @param excludedAccountKinds   the account kinds that may neither send nor receive gifts
 * @param ageZone                the zone whose calendar dates ages are counted in
 */
public record EligibilityPolicy(MinimumAge buyAge, MinimumAge sendAge, MinimumAge receiveAge,
                                Set<Region> giftingExcludedRegions, int liveMinimumAge,
                                long liveMinimumFollowers, boolean restrictedMayBuy,
                                Set<AccountKind> excludedAccountKinds, ZoneId ageZone) {

    /**
     * The reference policy of {@code shared/reference/rules.md}: buy and send 18+ (19+ in KR), receive
     * 18+, gifting in every region, LIVE gifts need 18+ and 1,000 followers, restricted accounts may buy
     * but neither send nor receive, government/politician/party accounts may neither send nor receive,
     * ages in UTC.
     */
    public static final EligibilityPolicy REFERENCE = new EligibilityPolicy(
            MinimumAge.of(18).withRegion(Region.of("KR"), 19),
            MinimumAge.of(18).withRegion(Region.of("KR"), 19),
            MinimumAge.of(18),
            Set.of(), 18, 1_000, true,
            EnumSet.of(AccountKind.GOVERNMENT, AccountKind.POLITICIAN, AccountKind.POLITICAL_PARTY),
            ZoneOffset.UTC);

    /**
     * Validates the policy and copies its sets.
     *
     * @param buyAge                 the minimum age to buy coins, by region
     * @param sendAge                the minimum age to send gifts, by region
     * @param receiveAge             the minimum age to receive gifts, by region
     * @param giftingExcludedRegions the regions where gifting does not exist: users there may neither send
     *                               nor receive (reference: none)
     * @param liveMinimumAge         the minimum age to go LIVE, 0 to 150 (needed to receive LIVE gifts)
     * @param liveMinimumFollowers   the minimum followers to go LIVE, not negative (needed to receive LIVE gifts)
     * @param restrictedMayBuy       whether a {@code RESTRICTED} account may buy coins
     * @param excludedAccountKinds   the account kinds that may neither send nor receive gifts
     * @param ageZone                the zone whose calendar dates ages are counted in
     * @throws NullPointerException     if an argument or a set element is {@code null}
     * @throws IllegalArgumentException if the LIVE minimum age is outside 0 to 150 or the LIVE minimum
     *                                  followers negative
     */
    public EligibilityPolicy {
        Objects.requireNonNull(buyAge, "buyAge");
        Objects.requireNonNull(sendAge, "sendAge");
        Objects.requireNonNull(receiveAge, "receiveAge");
        giftingExcludedRegions = Set.copyOf(Objects.requireNonNull(giftingExcludedRegions, "giftingExcludedRegions"));
        excludedAccountKinds = Set.copyOf(Objects.requireNonNull(excludedAccountKinds, "excludedAccountKinds"));
        Objects.requireNonNull(ageZone, "ageZone");
        if (liveMinimumAge < 0 || liveMinimumAge > MinimumAge.MAX_YEARS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "LIVE minimum age must be 0 to %d years, got %d", MinimumAge.MAX_YEARS, liveMinimumAge));
        }
        if (liveMinimumFollowers < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "LIVE minimum followers must not be negative, got %d", liveMinimumFollowers));
        }
    }

    /**
     * Whether gifting exists in a region.
     *
     * @param region the region
     * @return {@code true} unless the region is in {@link #giftingExcludedRegions()}
     */
    public boolean giftingExistsIn(Region region) {
        return !giftingExcludedRegions.contains(Objects.requireNonNull(region, "region"));
    }

    /**
     * Whether a standing allows an action.
     *
     * @param standing the standing
     * @param action   the action
     * @return {@code GOOD} always; {@code RESTRICTED} only to buy and only if {@link #restrictedMayBuy()};
     *         {@code BANNED} never
     */
    public boolean allows(Standing standing, EligibilityAction action) {
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(action, "action");
        return standing == Standing.GOOD
                || (standing == Standing.RESTRICTED && action == EligibilityAction.BUY && restrictedMayBuy);
    }

    /**
     * The minimum age for an action in a region.
     *
     * @param action the action
     * @param region the user's region
     * @param live   for {@code RECEIVE_GIFT}: whether the gift is sent in a LIVE (then the LIVE minimum age
     *               applies too); ignored otherwise
     * @return the minimum age in whole years
     */
    public int minimumAge(EligibilityAction action, Region region, boolean live) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(region, "region");
        switch (action) {
            case BUY:
                return buyAge.in(region);
            case SEND_GIFT:
                return sendAge.in(region);
            default:
                return live ? Math.max(receiveAge.in(region), liveMinimumAge) : receiveAge.in(region);
        }
    }

    /**
     * @param value the minimum age to buy coins where no regional override applies (overrides stay)
     * @return a policy with that age
     */
    public EligibilityPolicy withMinimumAgeToBuy(int value) {
        return withBuyAge(buyAge.withYears(value));
    }

    /**
     * @param region the region
     * @param value  the minimum age to buy coins there
     * @return a policy with that override
     */
    public EligibilityPolicy withMinimumAgeToBuy(Region region, int value) {
        return withBuyAge(buyAge.withRegion(region, value));
    }

    /**
     * @param value the minimum age to buy coins, with its overrides
     * @return a policy with that age
     */
    public EligibilityPolicy withBuyAge(MinimumAge value) {
        return new EligibilityPolicy(value, sendAge, receiveAge, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the minimum age to send gifts where no regional override applies (overrides stay)
     * @return a policy with that age
     */
    public EligibilityPolicy withMinimumAgeToSend(int value) {
        return withSendAge(sendAge.withYears(value));
    }

    /**
     * @param region the region
     * @param value  the minimum age to send gifts there
     * @return a policy with that override
     */
    public EligibilityPolicy withMinimumAgeToSend(Region region, int value) {
        return withSendAge(sendAge.withRegion(region, value));
    }

    /**
     * @param value the minimum age to send gifts, with its overrides
     * @return a policy with that age
     */
    public EligibilityPolicy withSendAge(MinimumAge value) {
        return new EligibilityPolicy(buyAge, value, receiveAge, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the minimum age to receive gifts where no regional override applies (overrides stay)
     * @return a policy with that age
     */
    public EligibilityPolicy withMinimumAgeToReceive(int value) {
        return withReceiveAge(receiveAge.withYears(value));
    }

    /**
     * @param region the region
     * @param value  the minimum age to receive gifts there
     * @return a policy with that override
     */
    public EligibilityPolicy withMinimumAgeToReceive(Region region, int value) {
        return withReceiveAge(receiveAge.withRegion(region, value));
    }

    /**
     * @param value the minimum age to receive gifts, with its overrides
     * @return a policy with that age
     */
    public EligibilityPolicy withReceiveAge(MinimumAge value) {
        return new EligibilityPolicy(buyAge, sendAge, value, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the regions where gifting does not exist (replaces the current set)
     * @return a policy with those regions
     */
    public EligibilityPolicy withGiftingExcludedRegions(Set<Region> value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, value, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the minimum age to go LIVE
     * @return a policy with that age
     */
    public EligibilityPolicy withLiveMinimumAge(int value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, giftingExcludedRegions, value,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the minimum followers to go LIVE
     * @return a policy with that minimum
     */
    public EligibilityPolicy withLiveMinimumFollowers(long value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, giftingExcludedRegions, liveMinimumAge,
                value, restrictedMayBuy, excludedAccountKinds, ageZone);
    }

    /**
     * @param value whether a {@code RESTRICTED} account may buy coins
     * @return a policy with that setting
     */
    public EligibilityPolicy withRestrictedMayBuy(boolean value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, value, excludedAccountKinds, ageZone);
    }

    /**
     * @param value the account kinds that may neither send nor receive gifts (replaces the current set)
     * @return a policy with those kinds
     */
    public EligibilityPolicy withExcludedAccountKinds(Set<AccountKind> value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, value, ageZone);
    }

    /**
     * @param value the zone whose calendar dates ages are counted in
     * @return a policy with that zone
     */
    public EligibilityPolicy withAgeZone(ZoneId value) {
        return new EligibilityPolicy(buyAge, sendAge, receiveAge, giftingExcludedRegions, liveMinimumAge,
                liveMinimumFollowers, restrictedMayBuy, excludedAccountKinds, value);
    }
}
