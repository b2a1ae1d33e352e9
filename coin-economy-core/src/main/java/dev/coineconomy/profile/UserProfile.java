package dev.coineconomy.profile;

import dev.coineconomy.Region;
import dev.coineconomy.UserId;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What the economy needs to know about a user to decide what they may do: supplied by the host's
 * {@link ProfileDirectory} at the time of each command. Immutable and thread-safe.
 *
 * @param user        the user
 * @param birthDate   the date of birth (the age is computed from it at each command's instant)
 * @param region      the region the user lives in (decides the minimum ages and whether gifting exists)
 * @param followers   the number of followers, not negative (decides whether a creator may go LIVE)
 * @param standing    how the platform regards the account
 * @param accountKind what kind of account it is
 */
public record UserProfile(UserId user, LocalDate birthDate, Region region, long followers,
                          Standing standing, AccountKind accountKind) {

    /**
     * Validates the profile.
     *
     * @param user        the user
     * @param birthDate   the date of birth (the age is computed from it at each command's instant)
     * @param region      the region the user lives in (decides the minimum ages and whether gifting exists)
     * @param followers   the number of followers, not negative (decides whether a creator may go LIVE)
     * @param standing    how the platform regards the account
     * @param accountKind what kind of account it is
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code followers} is negative
     */
    public UserProfile {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(accountKind, "accountKind");
        if (followers < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "followers of user %s must not be negative, got %d", user, followers));
        }
    }

    /**
     * A personal account in good standing with no followers.
     *
     * @param user      the user
     * @param birthDate the date of birth
     * @param region    the region
     * @return the profile
     */
    public static UserProfile personal(UserId user, LocalDate birthDate, Region region) {
        return new UserProfile(user, birthDate, region, 0, Standing.GOOD, AccountKind.PERSONAL);
    }

    /**
     * @param value the new follower count
     * @return this profile with that follower count
     */
    public UserProfile withFollowers(long value) {
        return new UserProfile(user, birthDate, region, value, standing, accountKind);
    }

    /**
     * @param value the new standing
     * @return this profile with that standing
     */
    public UserProfile withStanding(Standing value) {
        return new UserProfile(user, birthDate, region, followers, value, accountKind);
    }

    /**
     * @param value the new account kind
     * @return this profile with that account kind
     */
    public UserProfile withAccountKind(AccountKind value) {
        return new UserProfile(user, birthDate, region, followers, standing, value);
    }

    /**
     * @param value the new region
     * @return this profile with that region
     */
    public UserProfile withRegion(Region value) {
        return new UserProfile(user, birthDate, value, followers, standing, accountKind);
    }

    /**
     * @param value the new birth date
     * @return this profile with that birth date
     */
    public UserProfile withBirthDate(LocalDate value) {
        return new UserProfile(user, value, region, followers, standing, accountKind);
    }
}
