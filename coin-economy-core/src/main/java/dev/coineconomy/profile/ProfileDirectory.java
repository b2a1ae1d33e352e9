package dev.coineconomy.profile;

import dev.coineconomy.UserId;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host application's directory of users: the economy asks it for a user's profile whenever a
 * command needs to decide what that user may do.
 *
 * <p>The host implements it. It is called on every command that checks eligibility (a purchase asks
 * for the buyer, a gift for the sender and the creator), possibly from many threads at once and while
 * the economy holds the user's lock, so an implementation must be <b>thread-safe and fast</b> (a
 * cache or an in-memory map, not a remote call per command) and must not call back into the economy.
 * It returns the profile as it is at the time of the call; the economy never caches it. An exception
 * it throws propagates to the caller of the command, which then changes nothing.
 */
@FunctionalInterface
public interface ProfileDirectory {

    /**
     * The profile of a user.
     *
     * @param user the user, never {@code null}
     * @return the profile, whose {@link UserProfile#user()} is {@code user}, or empty if the host does
     *         not know the user (the command is then rejected with {@code UNKNOWN_USER}); never
     *         {@code null}
     */
    Optional<UserProfile> find(UserId user);

    /**
     * An immutable in-memory directory of these profiles, for tests, examples and small hosts.
     *
     * @param profiles the profiles, at most one per user
     * @return a thread-safe directory that knows exactly these users
     * @throws NullPointerException     if {@code profiles} or one of them is {@code null}
     * @throws IllegalArgumentException if two profiles name the same user
     */
    static ProfileDirectory of(Collection<UserProfile> profiles) {
        return InMemoryProfileDirectory.copyOf(profiles);
    }

    /**
     * An immutable in-memory directory of these profiles.
     *
     * @param profiles the profiles, at most one per user
     * @return a thread-safe directory that knows exactly these users
     * @throws NullPointerException     if a profile is {@code null}
     * @throws IllegalArgumentException if two profiles name the same user
     */
    static ProfileDirectory of(UserProfile... profiles) {
        return InMemoryProfileDirectory.copyOf(Arrays.asList(profiles));
    }

    /**
     * A directory backed by the host's own map, read on every call (so later changes to the map are
     * seen). The map must be safe to read concurrently with its writers (e.g. a
     * {@code ConcurrentHashMap}) and must map each user to that user's profile.
     *
     * @param profiles the profiles by user, not copied
     * @return a directory reading that map
     * @throws NullPointerException if {@code profiles} is {@code null}
     */
    static ProfileDirectory backedBy(Map<UserId, UserProfile> profiles) {
        Objects.requireNonNull(profiles, "profiles");
        return user -> Optional.ofNullable(profiles.get(user));
    }
}
