package dev.coineconomy.ledger;

import dev.coineconomy.UserId;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One amount per user account type of one user: its coins and its diamonds available, held and in
 * payout. Used both for the running balances of a statement and for the change one entry makes to them.
 *
 * <p>Signs follow the ledger: a positive amount is held by the user. Coins may be negative (a debt after
 * a chargeback under the NEGATIVE_BALANCE policy); a <em>change</em> may be negative in every account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param coins            {@link AccountType#USER_COINS}: spendable coins, negative = coins owed
 * @param diamonds         {@link AccountType#USER_DIAMONDS}: diamonds available to withdraw
 * @param diamondsHeld     {@link AccountType#USER_DIAMONDS_HELD}: diamonds earned, still on hold
 * @param diamondsInPayout {@link AccountType#USER_DIAMONDS_IN_PAYOUT}: diamonds of pending payouts
 */
public record Balances(long coins, long diamonds, long diamondsHeld, long diamondsInPayout) {

    /** All zero: the balances before a user's first entry, or the change of an entry not touching them. */
    public static final Balances ZERO = new Balances(0, 0, 0, 0);

    /**
     * The user account types, in the order of {@link AccountType}'s declaration (also the order of the
     * numbers in a {@link StatementCursor#token() cursor token}).
     */
    public static final List<AccountType> TYPES = List.of(AccountType.USER_COINS, AccountType.USER_DIAMONDS,
            AccountType.USER_DIAMONDS_HELD, AccountType.USER_DIAMONDS_IN_PAYOUT);

    /**
     * The change an entry makes to a user's accounts: the sum of its postings to each of them.
     *
     * @param entry the journal entry
     * @param user  the user
     * @return the signed change per user account type ({@link #ZERO} if the entry does not touch them)
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Balances changeOf(JournalEntry entry, UserId user) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(user, "user");
        long[] sums = new long[TYPES.size()];
        for (Posting p : entry.postings()) {
            AccountRef account = p.account();
            if (user.equals(account.owner())) {
                int i = TYPES.indexOf(account.type());
                if (i >= 0 && p.unit().equals(unitOf(account.type()))) {
                    sums[i] = Math.addExact(sums[i], p.amount());
                }
            }
        }
        return new Balances(sums[0], sums[1], sums[2], sums[3]);
    }

    /**
     * The sum of these balances and another (e.g. running balances plus an entry's change).
     *
     * @param other the amounts to add
     * @return the per-account sums
     * @throws NullPointerException if {@code other} is {@code null}
     * @throws ArithmeticException  if a sum overflows a {@code long}
     */
    public Balances plus(Balances other) {
        Objects.requireNonNull(other, "other");
        return new Balances(Math.addExact(coins, other.coins), Math.addExact(diamonds, other.diamonds),
                Math.addExact(diamondsHeld, other.diamondsHeld),
                Math.addExact(diamondsInPayout, other.diamondsInPayout));
    }

    /**
     * The amount of one user account type.
     *
     * @param type a user account type (one of {@link #TYPES})
     * @return its amount
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if {@code type} is a platform account type
     */
    public long get(AccountType type) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case USER_COINS -> coins;
            case USER_DIAMONDS -> diamonds;
            case USER_DIAMONDS_HELD -> diamondsHeld;
            case USER_DIAMONDS_IN_PAYOUT -> diamondsInPayout;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "type must be a user account type, got %s", type));
        };
    }

    /**
     * The unit a user account type is kept in.
     *
     * @param type a user account type (one of {@link #TYPES})
     * @return {@link Unit#COINS} for {@link AccountType#USER_COINS}, {@link Unit#DIAMONDS} for the others
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if {@code type} is a platform account type
     */
    public static Unit unitOf(AccountType type) {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "type must be a user account type, got %s", type));
        }
        return type == AccountType.USER_COINS ? Unit.COINS : Unit.DIAMONDS;
    }
}
