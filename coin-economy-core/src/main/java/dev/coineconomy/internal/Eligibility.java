package dev.coineconomy.internal;

import dev.coineconomy.EconomyException;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.UserId;
import dev.coineconomy.policy.EligibilityAction;
import dev.coineconomy.policy.EligibilityPolicy;
import dev.coineconomy.policy.IneligibilityReason;
import dev.coineconomy.profile.ProfileDirectory;
import dev.coineconomy.profile.UserProfile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The eligibility rules of an {@link EligibilityPolicy}, as pure checks: a profile and an instant in, a
 * {@code NOT_ELIGIBLE} rejection out (or nothing). No I/O, no clock, no state beyond the policy;
 * thread-safe. The order of checks is the one documented on {@link EligibilityPolicy}: account kind,
 * standing, region, age, followers.
 */
public final class Eligibility {

    private final EligibilityPolicy policy;

    /**
     * A checker for a policy.
     *
     * @param policy the rules
     */
    public Eligibility(EligibilityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the rules this checker applies */
    public EligibilityPolicy policy() {
        return policy;
    }

    // ---- lookup + check ------------------------------------------------------------------------

    /**
     * Looks up a buyer and checks that they may buy coins.
     *
     * @return the buyer's profile
     * @throws EconomyException {@code UNKNOWN_USER} or {@code NOT_ELIGIBLE}
     */
    public UserProfile buyer(ProfileDirectory directory, UserId user, Instant at) {
        UserProfile p = profile(directory, user);
        checkBuyer(p, at);
        return p;
    }

    /**
     * Looks up a sender and checks that they may send gifts.
     *
     * @return the sender's profile
     * @throws EconomyException {@code UNKNOWN_USER} or {@code NOT_ELIGIBLE}
     */
    public UserProfile sender(ProfileDirectory directory, UserId user, Instant at) {
        UserProfile p = profile(directory, user);
        checkSender(p, at);
        return p;
    }

    /**
     * Looks up a creator and checks that they may receive a gift.
     *
     * @param live whether the gift is sent in a LIVE (then the creator must be eligible to go LIVE)
     * @return the creator's profile
     * @throws EconomyException {@code UNKNOWN_USER} or {@code NOT_ELIGIBLE}
     */
    public UserProfile receiver(ProfileDirectory directory, UserId user, Instant at, boolean live) {
        UserProfile p = profile(directory, user);
        checkReceiver(p, at, live);
        return p;
    }

    /**
     * The profile of a user.
     *
     * @param directory the host's directory
     * @param user      the user
     * @return the profile
     * @throws EconomyException      {@code UNKNOWN_USER} if the directory does not know the user
     * @throws IllegalStateException if the directory breaks its contract (returns {@code null}, or the
     *                               profile of another user)
     */
    public static UserProfile profile(ProfileDirectory directory, UserId user) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(user, "user");
        Optional<UserProfile> found = directory.find(user);
        if (found == null) {
            throw new IllegalStateException("profile directory " + directory + " returned null for user " + user);
        }
        if (found.isEmpty()) {
            throw Rules.reject(RejectionCode.UNKNOWN_USER,
                    String.format(Locale.ROOT, "the profile directory does not know user %s", user),
                    "user", user);
        }
        UserProfile p = found.get();
        if (!p.user().equals(user)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "profile directory %s returned the profile of user %s for user %s", directory, p.user(), user));
        }
        return p;
    }

    // ---- pure checks -----------------------------------------------------------------------------

    /**
     * Checks that a user may buy coins: standing, then age.
     *
     * @throws EconomyException {@code NOT_ELIGIBLE}
     */
    public void checkBuyer(UserProfile profile, Instant at) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        checkStanding(profile, EligibilityAction.BUY);
        checkAge(profile, at, EligibilityAction.BUY, false);
    }

    /**
     * Checks that a user may send gifts: account kind, standing, region, age.
     *
     * @throws EconomyException {@code NOT_ELIGIBLE}
     */
    public void checkSender(UserProfile profile, Instant at) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        checkGifting(profile, EligibilityAction.SEND_GIFT);
        checkAge(profile, at, EligibilityAction.SEND_GIFT, false);
    }

    /**
     * Checks that a creator may receive a gift: account kind, standing, region, age (the larger of the
     * receive and LIVE ages for a LIVE gift), then for a LIVE gift followers.
     *
     * @param live whether the gift is sent in a LIVE
     * @throws EconomyException {@code NOT_ELIGIBLE}
     */
    public void checkReceiver(UserProfile profile, Instant at, boolean live) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        checkGifting(profile, EligibilityAction.RECEIVE_GIFT);
        checkAge(profile, at, EligibilityAction.RECEIVE_GIFT, live);
        if (live && profile.followers() < policy.liveMinimumFollowers()) {
            throw notEligible(profile, EligibilityAction.RECEIVE_GIFT, IneligibilityReason.FOLLOWERS,
                    String.format(Locale.ROOT, "%d followers, a LIVE creator needs at least %d",
                            profile.followers(), policy.liveMinimumFollowers()),
                    "followers", profile.followers(), "minimumFollowers", policy.liveMinimumFollowers());
        }
    }

    /**
     * The age in whole years at an instant.
     *
     * @param birthDate the date of birth
     * @param at        the instant
     * @param zone      the zone whose calendar date counts
     * @return whole years from {@code birthDate} to the date of {@code at} in {@code zone} (negative if
     *         born after it)
     * @throws IllegalStateException if the instant has no date in the supported range
     */
    public static int age(LocalDate birthDate, Instant at, ZoneId zone) {
        // at most about 2 × 10^9 years between two LocalDates: fits an int
        return Math.toIntExact(birthDate.until(date(at, zone), ChronoUnit.YEARS));
    }

    /**
     * The calendar date of an instant in a zone.
     *
     * @throws IllegalStateException if the instant has no date in the supported range
     */
    static LocalDate date(Instant at, ZoneId zone) {
        Day last = lastDay;
        long second = at.getEpochSecond();
        if (last != null && second >= last.startSecond && second < last.endSecond && last.zone.equals(zone)) {
            return last.date; // commands of one day share its date: no zone-rules lookup per command
        }
        LocalDate date;
        try {
            date = LocalDate.ofInstant(at, zone);
            lastDay = new Day(zone, date, date.atStartOfDay(zone).toEpochSecond(),
                    date.plusDays(1).atStartOfDay(zone).toEpochSecond());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalStateException("instant " + at + " has no calendar date in " + zone, e);
        }
        return date;
    }

    /** The calendar day last asked for: its zone, date and the epoch seconds it spans, [start, end). */
    private record Day(ZoneId zone, LocalDate date, long startSecond, long endSecond) {
    }

    private static volatile Day lastDay;

    // ---- the rules ---------------------------------------------------------------------------------

    private void checkGifting(UserProfile p, EligibilityAction action) {
        if (policy.excludedAccountKinds().contains(p.accountKind())) {
            throw notEligible(p, action, IneligibilityReason.ACCOUNT_KIND,
                    String.format(Locale.ROOT, "%s accounts may not", p.accountKind()),
                    "accountKind", p.accountKind());
        }
        checkStanding(p, action);
        Region region = p.region();
        if (!policy.giftingExistsIn(region)) {
            throw notEligible(p, action, IneligibilityReason.REGION,
                    String.format(Locale.ROOT, "gifting does not exist in region %s", region),
                    "region", region);
        }
    }

    private void checkStanding(UserProfile p, EligibilityAction action) {
        if (!policy.allows(p.standing(), action)) {
            throw notEligible(p, action, IneligibilityReason.STANDING,
                    String.format(Locale.ROOT, "the account's standing is %s", p.standing()),
                    "standing", p.standing());
        }
    }

    private void checkAge(UserProfile p, Instant at, EligibilityAction action, boolean live) {
        int minimum = policy.minimumAge(action, p.region(), live);
        int age = age(p.birthDate(), at, policy.ageZone());
        if (age < minimum) {
            throw notEligible(p, action, IneligibilityReason.AGE,
                    String.format(Locale.ROOT, "age %d is below the minimum age %d in region %s%s",
                            age, minimum, p.region(),
                            action == EligibilityAction.RECEIVE_GIFT && live ? " for LIVE gifts" : ""),
                    "age", age, "minimumAge", minimum, "region", p.region());
        }
    }

    private static EconomyException notEligible(UserProfile p, EligibilityAction action,
                                                IneligibilityReason reason, String why, Object... values) {
        Object[] all = new Object[6 + values.length];
        all[0] = "user";
        all[1] = p.user();
        all[2] = "action";
        all[3] = action;
        all[4] = "reason";
        all[5] = reason;
        System.arraycopy(values, 0, all, 6, values.length);
        return Rules.reject(RejectionCode.NOT_ELIGIBLE,
                String.format(Locale.ROOT, "user %s may not %s (%s): %s", p.user(), verb(action), reason, why),
                all);
    }

    private static String verb(EligibilityAction action) {
        switch (action) {
            case BUY:
                return "buy coins";
            case SEND_GIFT:
                return "send gifts";
            default:
                return "receive gifts";
        }
    }
}
