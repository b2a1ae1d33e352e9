package dev.coineconomy;

import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.money.Coins;
import dev.coineconomy.money.Diamonds;
import dev.coineconomy.money.Money;
import dev.coineconomy.policy.EconomyPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The README's quick start, step by step. */
class QuickStartTest {

    @Test
    void readmeQuickStart() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        CoinEconomy economy = CoinEconomy.builder()
                .catalog(Catalog.reference())
                .policy(EconomyPolicy.reference())
                .clock(clock)
                .build();
        UserId viewer = UserId.of("viewer-1");
        UserId creator = UserId.of("creator-1");
        PurchaseReceipt p = economy.purchase(RequestId.of("p-1"), viewer, "coins-330", Region.of("US"));
        assertEquals(Coins.of(330), p.coins());
        assertEquals(Money.of("USD", "4.99"), p.price());
        PurchaseReceipt web = economy.purchase(RequestId.of("p-2"), viewer, "coins-70", Region.of("US"), Channel.WEB);
        assertEquals(Money.of("USD", "0.74"), web.price());
        GiftReceipt g = economy.sendGift(RequestId.of("g-1"), viewer, creator, "hand-hearts", 3);
        assertEquals(Coins.of(300), g.coinsSpent());
        assertEquals(Diamonds.of(300), g.diamondsCredited());
        assertEquals(Coins.of(100), economy.wallet(viewer).coins());
        assertEquals(Diamonds.of(300), economy.wallet(creator).diamonds());
        assertEquals(3, economy.statement(viewer).size());
        assertEquals(1, economy.statement(creator).size());

        for (int i = 0; i < 61; i++) {
            economy.purchase(RequestId.of("big-" + i), viewer, "coins-330", Region.of("US"));
        }
        economy.sendGift(RequestId.of("g-2"), viewer, creator, "rose", 19_700);
        WithdrawalReceipt w = economy.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_000));
        assertEquals(Money.of("USD", "100.00"), w.payout());
        assertEquals(Diamonds.of(20_000), w.diamondsDebited());
        assertEquals(w, economy.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_000)));
        EconomyException e = assertThrows(EconomyException.class,
                () -> economy.withdraw(RequestId.of("w-1"), creator, Diamonds.of(20_002)));
        assertEquals(RejectionCode.REQUEST_CONFLICT, e.code());
    }
}
