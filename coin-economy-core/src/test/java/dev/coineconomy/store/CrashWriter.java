package dev.coineconomy.store;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.JournalEntry;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;

/**
 * The child JVM of {@link JdbcCrashSafetyTest}: writes purchase entries through a {@link JdbcLedgerStore} in
 * a loop until killed, printing {@code OK <request id> <sequence>} after each commit.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    /**
     * @param args JDBC url, user, password, request id prefix
     */
    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String prefix = args[3];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SimplePool pool = new SimplePool(() -> DriverManager.getConnection(url, user, password), 2)) {
            JdbcLedgerStore store = JdbcLedgerStore.create(pool);
            for (long i = 0; ; i++) {
                String request = prefix + "-" + i;
                String buyer = "buyer-" + (i % 5);
                long coins = 10 + i % 7;
                JournalEntry e = store.transact(tx -> {
                    tx.lockUser(UserId.of(buyer));
                    tx.addCoins(UserId.of(buyer), coins);
                    tx.tryIssueCoins(coins, Long.MAX_VALUE);
                    return tx.append(RequestId.of(request), Entries.purchase(request, buyer, coins, "USD", coins * 3));
                });
                out.println("OK " + request + " " + e.sequence());
            }
        }
    }
}
