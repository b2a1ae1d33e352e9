package dev.coineconomy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Region codes are upper-cased with {@code Locale.ROOT}; this test forces the Turkish default locale. */
class RegionTest {

    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        // the trap: in Turkish, "i" upper-cases to a dotted capital I
        assertEquals("\u0130N", "in".toUpperCase());
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void upperCasesWithLocaleRoot() {
        assertEquals("TR", Region.of("tr").code());
        assertEquals("IN", Region.of("in").code());
        assertEquals("IN", Region.of("In").code());
        assertEquals("IT", Region.of("it").code());
        assertEquals("CI", Region.of("ci").code());
        assertEquals("LI", Region.of("li").code());
        assertEquals(Region.of("US"), Region.of("us"));
        assertEquals(Region.of("US").hashCode(), Region.of("uS").hashCode());
        assertEquals("GB", Region.of("gb").toString());
        assertEquals(new Region("de"), Region.of("DE"));
        assertNotEquals(Region.of("US"), Region.of("GB"));
    }

    @Test
    void everyIsoCountryInEitherCase() {
        String[] codes = Locale.getISOCountries();
        assertTrue(codes.length > 240, "ISO countries: " + codes.length);
        for (String code : codes) {
            assertEquals(code, Region.of(code).code());
            assertEquals(code, Region.of(code.toLowerCase(Locale.ROOT)).code());
        }
    }

    @Test
    void nonAsciiLookAlikesAreRejected() {
        // dotless i (what "I".toLowerCase() gives in Turkish), dotted capital I, long s, fullwidth letters
        for (String code : new String[] {"\u0131n", "\u0130N", "\u0131t", "\u017Fe", "\uFF35\uFF33", "U\u0307S"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.of(code), code);
            assertTrue(e.getMessage().contains("region '" + code + "'"), e.getMessage());
        }
    }

    @Test
    void malformedOrUnassignedCodes() {
        for (String code : new String[] {"USA", "u", "1A", "A1", "", " US", "U S", "ZZ", "XK1", "EU", "UK"}) {
            assertThrows(IllegalArgumentException.class, () -> Region.of(code), code);
        }
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Region.of(null));
        assertEquals("region", npe.getMessage());
    }
}
