package dev.coineconomy.ledger;

import dev.coineconomy.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger account: a user's account ({@link #user}) or a platform account ({@link #platform}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param type  the account type
 * @param owner the owning user for user account types, {@code null} for platform accounts
 */
public record AccountRef(AccountType type, UserId owner) {

    /**
     * Validates that the owner is present exactly for user account types.
     *
     * @param type  the account type
     * @param owner the owning user for user account types, {@code null} for platform accounts
     * @throws IllegalArgumentException if the owner does not match the type
     */
    public AccountRef {
        Objects.requireNonNull(type, "type");
        if (type.isUserAccount() != (owner != null)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "account type %s %s an owner", type, type.isUserAccount() ? "needs" : "must not have"));
        }
    }

    /**
     * A user's account.
     *
     * @param type  a user account type
     * @param owner the user
     * @return the account
     */
    public static AccountRef user(AccountType type, UserId owner) {
        return new AccountRef(type, Objects.requireNonNull(owner, "owner"));
    }

    /**
     * A platform account.
     *
     * @param type a platform account type
     * @return the account
     */
    public static AccountRef platform(AccountType type) {
        return new AccountRef(type, null);
    }

    /** @return the owner, empty for platform accounts */
    public Optional<UserId> ownerId() {
        return Optional.ofNullable(owner);
    }

    @Override
    public String toString() {
        return owner == null ? "platform:" + type : "user:" + owner + ":" + type;
    }
}
