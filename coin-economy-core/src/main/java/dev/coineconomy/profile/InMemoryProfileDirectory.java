package dev.coineconomy.profile;

import dev.coineconomy.UserId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The immutable directory of {@link ProfileDirectory#of(Collection)}. */
final class InMemoryProfileDirectory implements ProfileDirectory {

    private final Map<UserId, UserProfile> byUser;

    private InMemoryProfileDirectory(Map<UserId, UserProfile> byUser) {
        this.byUser = byUser;
    }

    static InMemoryProfileDirectory copyOf(Collection<UserProfile> profiles) {
        Objects.requireNonNull(profiles, "profiles");
        Map<UserId, UserProfile> map = new LinkedHashMap<>();
        for (UserProfile p : profiles) {
            Objects.requireNonNull(p, "profile");
            if (map.putIfAbsent(p.user(), p) != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "two profiles for user %s", p.user()));
            }
        }
        return new InMemoryProfileDirectory(Map.copyOf(map));
    }

    @Override
    public Optional<UserProfile> find(UserId user) {
        return Optional.ofNullable(byUser.get(Objects.requireNonNull(user, "user")));
    }

    @Override
    public String toString() {
        return "ProfileDirectory.of(" + byUser.size() + " profiles)";
    }
}
