package dev.coineconomy.internal;

import dev.coineconomy.UserId;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts by user id and by dense index. Thread-safe. */
public final class Users {

    private final ConcurrentHashMap<UserId, Account> byId = new ConcurrentHashMap<>();
    private volatile Account[] byIndex = new Account[64];
    private int count;

    /**
     * An existing account.
     *
     * @param id the user
     * @return the account, or {@code null} if the user never took part in an accepted command
     */
    public Account find(UserId id) {
        return byId.get(id);
    }

    /**
     * The account of a user, created if needed.
     *
     * @param id the user
     * @return the account
     */
    public Account getOrCreate(UserId id) {
        Account a = byId.get(id);
        return a != null ? a : byId.computeIfAbsent(id, this::create);
    }

    private synchronized Account create(UserId id) {
        Account[] table = byIndex;
        if (count == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        Account a = new Account(id, count);
        table[count++] = a;
        byIndex = table;
        return a;
    }

    /**
     * The account at an index that a committed journal entry references.
     *
     * @param index the index
     * @return the account
     */
    public Account at(int index) {
        return byIndex[index];
    }
}
