package dev.coineconomy.store;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.EconomyException;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.PurchaseReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RejectionCode;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;

/**
 * The child JVM of {@link FacadeCrashSafetyTest}: two threads run {@link CoinEconomy} purchases and gifts on a
 * JDBC store until killed, printing each receipt as soon as the facade returned it:
 * {@code OK <request id> P <buyer> <pack>} or {@code OK <request id> G <sender> <creator> <gift> <quantity>}.
 */
public final class FacadeCrashWriter {

    static final String[] GIFTS = {"rose", "finger-heart", "rosa", "perfume", "doughnut"};
    static final int VIEWERS = 6;
    static final int CREATORS = 2;

    private FacadeCrashWriter() {
    }

    /**
     * @param args JDBC url, user, password, request id prefix
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String prefix = args[3];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SimplePool pool = new SimplePool(() -> DriverManager.getConnection(url, user, password), 2);
        CoinEconomy economy = CoinEconomy.builder().store(JdbcLedgerStore.create(pool)).build();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String id = prefix + "-" + thread + "-" + i;
                    UserId viewer = UserId.of("viewer-" + (thread * VIEWERS / 2 + i % (VIEWERS / 2)));
                    UserId creator = UserId.of("creator-" + i % CREATORS);
                    String gift = GIFTS[(int) (i % GIFTS.length)];
                    long quantity = 1 + i % 3;
                    try {
                        GiftReceipt g = economy.sendGift(RequestId.of(id), viewer, creator, gift, quantity);
                        out.println("OK " + g.requestId().value() + " G " + viewer.value() + " " + creator.value()
                                + " " + gift + " " + quantity);
                    } catch (EconomyException e) {
                        if (e.code() != RejectionCode.INSUFFICIENT_COINS) {
                            throw e;
                        }
                        String buy = id + "-buy";
                        PurchaseReceipt p = economy.purchase(RequestId.of(buy), viewer, "coins-330", Region.of("US"));
                        out.println("OK " + p.requestId().value() + " P " + viewer.value() + " coins-330");
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
