package dev.coineconomy.store;

import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import dev.coineconomy.ledger.AccountRef;
import dev.coineconomy.ledger.AccountType;
import dev.coineconomy.ledger.JournalEntry;
import dev.coineconomy.ledger.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety: a child JVM writes entries and prints each committed request id; it is killed with SIGKILL
 * ({@code destroyForcibly}) at random moments. After each kill a fresh store on the same database holds every
 * printed entry exactly once, and balances agree with the journal.
 */
class JdbcCrashSafetyTest {

    private static final int KILLS = 3;

    @Test
    void h2FileDatabaseKeepsEveryPrintedEntryAcrossKills(@TempDir Path dir) throws Exception {
        run(CrashDatabase.h2File(dir));
    }

    @Test
    void postgresqlKeepsEveryPrintedEntryAcrossKills() throws Exception {
        run(CrashDatabase.postgres("ce_crash"));
    }

    private static void run(CrashDatabase db) throws Exception {
        Random random = new Random(42);
        Set<String> printed = new HashSet<>();
        for (int round = 0; round < KILLS; round++) {
            List<String> lines = KilledChild.runAndKill(CrashWriter.class,
                    List.of(db.url(), db.user(), db.password(), "crash" + round), 5, 50 + random.nextInt(400));
            for (String line : lines) {
                if (line.startsWith("OK ")) {
                    printed.add(line.split(" ")[1]);
                }
            }
            try (SimplePool pool = db.pools().open()) {
                check(JdbcLedgerStore.create(pool), printed);
            }
        }
        assertTrue(printed.size() >= 5 * KILLS, () -> "printed " + printed.size());
    }

    private static void check(JdbcLedgerStore store, Set<String> printed) {
        List<JournalEntry> all = new ArrayList<>();
        long from = 1;
        while (true) {
            long f = from;
            List<JournalEntry> page = store.transact(tx -> tx.entries(f, 500));
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            from = page.get(page.size() - 1).sequence() + 1;
        }
        Set<String> ids = new HashSet<>();
        for (JournalEntry e : all) {
            assertTrue(ids.add(e.requestId().value()), () -> "twice in the journal: " + e.requestId());
        }
        for (String id : printed) {
            assertTrue(ids.contains(id), () -> "printed but not in the journal: " + id);
            assertEquals(id, store.transact(tx -> tx.findEntry(RequestId.of(id))).orElseThrow().requestId().value());
        }
        Map<AccountRef, Map<Unit, Long>> totals = store.postingTotals();
        Map<Unit, Long> perUnit = new HashMap<>();
        totals.forEach((account, units) -> units.forEach((unit, sum) -> perUnit.merge(unit, sum, Long::sum)));
        perUnit.forEach((unit, sum) -> assertEquals(0L, sum, () -> "postings do not balance in " + unit));
        long issued = -totals.get(AccountRef.platform(AccountType.COIN_ISSUANCE)).get(Unit.COINS);
        assertEquals(issued, store.transact(StoreTransaction::coinsIssued));
        for (int b = 0; b < 5; b++) {
            UserId buyer = UserId.of("buyer-" + b);
            long journal = totals.getOrDefault(AccountRef.user(AccountType.USER_COINS, buyer), Map.of())
                    .getOrDefault(Unit.COINS, 0L);
            assertEquals(journal, store.transact(tx -> tx.user(buyer)).map(UserState::coins).orElse(0L),
                    () -> "balance of " + buyer + " disagrees with its postings");
        }
    }
}
