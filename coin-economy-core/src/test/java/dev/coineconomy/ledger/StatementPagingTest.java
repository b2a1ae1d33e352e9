package dev.coineconomy.ledger;

import dev.coineconomy.CoinEconomy;
import dev.coineconomy.GiftReceipt;
import dev.coineconomy.Region;
import dev.coineconomy.RequestId;
import dev.coineconomy.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statement pages carry running balances and chain by cursor without rescanning. */
class StatementPagingTest {

    private static final UserId ANA = UserId.of("ana");
    private static final UserId BO = UserId.of("bo");
    private static final UserId CY = UserId.of("cy");

    private static CoinEconomy history() {
        CoinEconomy e = CoinEconomy.builder().build();
        e.purchase(RequestId.of("p1"), ANA, "coins-330", Region.of("US")); // ana +330
        e.purchase(RequestId.of("p2"), BO, "coins-65", Region.of("US"));   // bo only
        e.sendGift(RequestId.of("g1"), ANA, CY, "rose", 30);               // ana -30, cy +30 d
        e.sendGift(RequestId.of("g2"), ANA, BO, "hand-hearts", 1);         // ana -100, bo +100 d
        e.sendGift(RequestId.of("g3"), BO, ANA, "rose", 7);                // bo -7, ana +7 d
        e.purchase(RequestId.of("p3"), ANA, "coins-65", Region.of("US"));  // ana +65
        return e;
    }

    @Test
    void firstPageRunsFromZeroAndLinksToTheNext() {
        CoinEconomy e = history();
        StatementPage p1 = e.statement(StatementCursor.start(ANA), 2);
        assertEquals(2, p1.lines().size());
        assertTrue(p1.more());
        StatementLine l1 = p1.lines().get(0);
        assertEquals(RequestId.of("p1"), l1.entry().requestId());
        assertEquals(330, l1.coinChange());
        assertEquals(330, l1.coinBalance());
        assertEquals(0, l1.diamondBalance());
        StatementLine l2 = p1.lines().get(1);
        assertEquals(RequestId.of("g1"), l2.entry().requestId());
        assertEquals(-30, l2.coinChange());
        assertEquals(300, l2.coinBalance());
        assertEquals(new StatementCursor(ANA, 3, 300, 0), p1.next());

        StatementPage p2 = e.statement(p1.next(), 2);
        assertEquals(List.of("g2", "g3"), ids(p2));
        assertEquals(200, p2.lines().get(0).coinBalance());
        assertEquals(7, p2.lines().get(1).diamondChange());
        assertEquals(7, p2.lines().get(1).diamondBalance());
        assertTrue(p2.more());

        StatementPage p3 = e.statement(p2.next(), 2);
        assertEquals(List.of("p3"), ids(p3));
        assertFalse(p3.more());
        assertEquals(265, p3.lines().get(0).coinBalance());
        assertEquals(e.wallet(ANA).coins().amount(), p3.next().coinBalance());
        assertEquals(e.wallet(ANA).diamonds().amount(), p3.next().diamondBalance());
    }

    @Test
    void anEmptyPageKeepsTheCursorSoAHostCanTailTheStatement() {
        CoinEconomy e = history();
        StatementCursor end = e.statement(StatementCursor.start(ANA), 100).next();
        StatementPage none = e.statement(end, 5);
        assertTrue(none.lines().isEmpty());
        assertFalse(none.more());
        assertEquals(end, none.next());
        e.sendGift(RequestId.of("g4"), ANA, CY, "rose", 1);
        StatementPage tail = e.statement(end, 5);
        assertEquals(List.of("g4"), ids(tail));
        assertEquals(end.coinBalance() - 1, tail.lines().get(0).coinBalance());
    }

    @Test
    void everyPageSizeGivesTheSameLinesAndBalancesAsOneBigPage() {
        CoinEconomy e = history();
        for (UserId u : List.of(ANA, BO, CY)) {
            List<StatementLine> whole = e.statement(StatementCursor.start(u), 1_000).lines();
            assertEquals(e.statement(u).size(), whole.size(), u.toString());
            for (int size = 1; size <= whole.size() + 1; size++) {
                List<StatementLine> paged = new ArrayList<>();
                StatementCursor c = StatementCursor.start(u);
                StatementPage p;
                do {
                    p = e.statement(c, size);
                    paged.addAll(p.lines());
                    c = p.next();
                } while (p.more());
                assertEquals(whole, paged, u + " page size " + size);
            }
            StatementLine last = whole.get(whole.size() - 1);
            assertEquals(e.wallet(u).coins().amount(), last.coinBalance(), u.toString());
            assertEquals(e.wallet(u).diamonds().amount(), last.diamondBalance(), u.toString());
        }
    }

    @Test
    void aGiftReceivedShowsOnTheCreatorsStatement() {
        CoinEconomy e = history();
        List<StatementLine> cy = e.statement(StatementCursor.start(CY), 10).lines();
        assertEquals(1, cy.size());
        assertTrue(cy.get(0).entry().receipt() instanceof GiftReceipt);
        assertEquals(0, cy.get(0).coinChange());
        assertEquals(30, cy.get(0).diamondBalance());
    }

    private static List<String> ids(StatementPage page) {
        List<String> ids = new ArrayList<>();
        page.lines().forEach(l -> ids.add(l.entry().requestId().value()));
        return ids;
    }

    @Test
    void tokensRoundTripAndBadOnesAreRejectedByName() {
        StatementCursor c = new StatementCursor(ANA, 12, -5, 300);
        assertEquals("12.-5.300", c.token());
        assertEquals(c, StatementCursor.parse(ANA, c.token()));
        for (String bad : new String[] {"", "1.2", "1.2.3.4", "a.1.2", "1..2", "١.2.3"}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> StatementCursor.parse(ANA, bad), bad);
            assertTrue(ex.getMessage().contains("'" + bad + "'"), ex.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new StatementCursor(ANA, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> history().statement(StatementCursor.start(ANA), 0));
    }
}
