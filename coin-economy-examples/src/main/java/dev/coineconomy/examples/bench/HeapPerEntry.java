package dev.coineconomy.examples.bench;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.policy.EconomyPolicy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Measures the heap retained per journal entry of the in-memory economy: fund the viewers, collect
 * garbage and read the used heap, send {@code N} gifts (default 1,000,000) from those viewers to one
 * creator, collect again and read the used heap. The difference divided by {@code N} is the cost of one
 * gift entry: its journal columns, its stored request id and its share of the idempotency index. The
 * viewers, the creator, the catalog and the funding purchases exist before the first reading, so they are
 * subtracted; request ids are created during the gift loop and not kept by the caller, so only what the
 * economy retains of them is counted.
 *
 * <p>Arguments: {@code [gifts] [idLength...]} (default {@code 1000000 12 36}); one measurement per id
 * length, each in a fresh economy. Run it in a JVM of its own, e.g. with {@code -Xmx2g}.
 */
public final class HeapPerEntry {

    private static final int VIEWERS = 1_000;
    private static final UserId CREATOR = UserId.of("creator-hot");

    private HeapPerEntry() {
    }

    /** One measurement. */
    record Result(int gifts, int idLength, long bytesBefore, long bytesAfter) {
        double bytesPerEntry() {
            return (double) (bytesAfter - bytesBefore) / gifts;
        }
    }

    /**
     * Runs the measurements and prints one line per id length.
     *
     * @param args {@code [gifts] [idLength...]}
     */
    public static void main(String[] args) {
        int gifts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int[] lengths = args.length > 1 ? new int[args.length - 1] : new int[] {12, 36};
        for (int i = 1; i < args.length; i++) {
            lengths[i - 1] = Integer.parseInt(args[i]);
        }
        System.out.printf(Locale.ROOT, "HeapPerEntry: %,d gifts per run, JVM %s %s, max heap %d MiB%n", gifts,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int len : lengths) {
            Result r = measure(gifts, len);
            System.out.printf(Locale.ROOT,
                    "HEAP idLength=%d gifts=%d retained=%d bytes perEntry=%.1f B%n",
                    r.idLength(), r.gifts(), r.bytesAfter() - r.bytesBefore(), r.bytesPerEntry());
        }
    }

    static Result measure(int gifts, int idLength) {
        if (idLength < 9 || idLength > 128) {
            throw new IllegalArgumentException("idLength must be 9 to 128, got " + idLength);
        }
        CoinEconomy economy = CoinEconomy.builder()
                .catalog(Catalog.reference())
                .policy(EconomyPolicy.reference())
                .build();
        UserId[] viewers = new UserId[VIEWERS];
        long need = (long) gifts / VIEWERS + 1;
        for (int v = 0; v < VIEWERS; v++) {
            viewers[v] = UserId.of("viewer-" + v);
            for (int k = 0; economy.wallet(viewers[v]).coins().amount() < need; k++) {
                economy.purchase(RequestId.of("p-" + v + "-" + k), viewers[v], "coins-11000", Region.of("US"));
            }
        }
        // the creator's account exists before the first reading, too
        economy.sendGift(RequestId.of("warm-up"), viewers[0], CREATOR, "rose", 1);
        long entriesBefore = economy.journalSize();
        long before = usedAfterGc();
        char[] id = new char[idLength];
        java.util.Arrays.fill(id, 'x');
        id[0] = 'g';
        id[1] = '-';
        for (int i = 0; i < gifts; i++) {
            int n = i;
            for (int p = idLength - 1; p >= idLength - 8; p--) {
                id[p] = (char) ('0' + n % 10);
                n /= 10;
            }
            economy.sendGift(RequestId.of(new String(id)), viewers[i % VIEWERS], CREATOR, "rose", 1);
        }
        long after = usedAfterGc();
        if (economy.journalSize() != entriesBefore + gifts) {
            throw new IllegalStateException("journal has " + economy.journalSize() + " entries, expected "
                    + (entriesBefore + gifts));
        }
        Reference.reachabilityFence(economy);
        Reference.reachabilityFence(viewers);
        return new Result(gifts, idLength, before, after);
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
