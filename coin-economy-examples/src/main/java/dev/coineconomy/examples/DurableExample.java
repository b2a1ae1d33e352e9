package dev.coineconomy.examples;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.Wallet;
import dev.coineconomy.store.JdbcLedgerStore;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An economy whose state survives restarts: an H2 file database (durable: {@code WRITE_DELAY=0}) behind H2's
 * own small connection pool. Each run buys coins for two viewers, sends a few gifts to a creator and prints
 * the balances; a second run starts from the first run's balances and says how many journal entries it found.
 *
 * <pre>
 * mvn -B -q -pl coin-economy-examples -am compile exec:java -Dexec.mainClass=dev.coineconomy.examples.DurableExample
 * </pre>
 *
 * <p>Argument: the database directory (default {@code target/durable-example}).
 */
public final class DurableExample {

    /** The viewers and the creator of the example. */
    static final List<UserId> VIEWERS = List.of(UserId.of("ada"), UserId.of("bo"));
    /** The creator who receives the gifts. */
    static final UserId CREATOR = UserId.of("cleo");

    private DurableExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the database directory
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/durable-example").toAbsolutePath();
        run(dir, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * One run on a database directory.
     *
     * @param dir the directory of the H2 file database (created if missing)
     * @param out where to print
     */
    static void run(Path dir, PrintStream out) {
        String url = "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            // createSchema() creates the tables on the first run and is a no-op afterwards
            CoinEconomy economy = CoinEconomy.builder().store(JdbcLedgerStore.create(pool).createSchema()).build();
            long earlier = economy.journalSize();
            out.printf(Locale.ROOT, "database %s: found %d entries from earlier runs%n", url, earlier);
            print(economy, "balances at start", out);
            String run = UUID.randomUUID().toString().substring(0, 8); // request ids unique per run
            for (UserId viewer : VIEWERS) {
                economy.purchase(RequestId.of(run + "-buy-" + viewer.value()), viewer, "coins-330", Region.of("US"));
            }
            economy.sendGift(RequestId.of(run + "-gift-1"), VIEWERS.get(0), CREATOR, "hand-hearts", 2);
            economy.sendGift(RequestId.of(run + "-gift-2"), VIEWERS.get(1), CREATOR, "doughnut", 3);
            economy.sendGift(RequestId.of(run + "-gift-3"), VIEWERS.get(1), CREATOR, "rose", 5);
            print(economy, "balances at end", out);
            out.printf(Locale.ROOT, "journal: %d entries (%d added by this run)%n", economy.journalSize(),
                    economy.journalSize() - earlier);
        } finally {
            pool.dispose();
        }
    }

    private static void print(CoinEconomy economy, String title, PrintStream out) {
        out.println(title + ":");
        for (UserId u : VIEWERS) {
            Wallet w = economy.wallet(u);
            out.printf(Locale.ROOT, "  %-5s %6d coins%n", u.value(), w.coins().amount());
        }
        out.printf(Locale.ROOT, "  %-5s %6d diamonds%n", CREATOR.value(), economy.wallet(CREATOR).diamonds().amount());
    }
}
