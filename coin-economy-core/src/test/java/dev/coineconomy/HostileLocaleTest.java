package dev.coineconomy;

import dev.coineconomy.money.Money;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Surefire runs every test under a hostile default locale (tr_TR: dotless i, comma decimal separator),
 * so that a message or a parse that forgot {@code Locale.ROOT} fails somewhere. This test keeps that
 * setting from disappearing silently from the build.
 */
class HostileLocaleTest {

    @Test
    void testsRunUnderTurkish() {
        assertEquals(new Locale("tr", "TR"), Locale.getDefault(), "surefire's argLine sets -Duser.language=tr -Duser.country=TR");
    }

    @Test
    void valuesPrintAndParseTheSameUnderIt() {
        Money m = Money.of("USD", "1234.50");
        assertEquals("USD 1234.50", m.toString());
        assertEquals(m, Money.parse(m.toString()));
        assertEquals("IN", Region.of("in").code());
        assertEquals("ID", Region.of("id").code());
    }
}
