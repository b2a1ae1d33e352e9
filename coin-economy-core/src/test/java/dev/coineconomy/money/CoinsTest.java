package dev.coineconomy.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoinsTest {

    @Test
    void nonNegative() {
        assertEquals(0, Coins.of(0).amount());
        assertSame(Coins.zero(), Coins.of(0));
        assertTrue(Coins.zero().isZero());
        assertEquals(Long.MAX_VALUE, Coins.of(Long.MAX_VALUE).amount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Coins.of(-1));
        assertTrue(e.getMessage().contains("coins") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Coins(Long.MIN_VALUE));
    }

    @Test
    void exactArithmetic() {
        assertEquals(Coins.of(330), Coins.of(65).plus(Coins.of(265)));
        assertEquals(Coins.of(100), Coins.of(400).minus(Coins.of(300)));
        assertEquals(Coins.zero(), Coins.of(7).minus(Coins.of(7)));
        assertEquals(Coins.of(300), Coins.of(100).times(3));
        assertEquals(Coins.zero(), Coins.of(100).times(0));
        assertEquals(Coins.of(Long.MAX_VALUE), Coins.of(Long.MAX_VALUE - 1).plus(Coins.of(1)));
    }

    @Test
    void overflowIsAnArithmeticExceptionAndGoingNegativeAnIllegalArgument() {
        ArithmeticException sum = assertThrows(ArithmeticException.class,
                () -> Coins.of(Long.MAX_VALUE).plus(Coins.of(1)));
        assertTrue(sum.getMessage().contains("overflow"), sum.getMessage());
        assertThrows(ArithmeticException.class, () -> Coins.of(29_999).times(Long.MAX_VALUE / 29_999 + 1));
        assertEquals(Coins.of(Long.MAX_VALUE / 29_999 * 29_999), Coins.of(29_999).times(Long.MAX_VALUE / 29_999));
        assertThrows(IllegalArgumentException.class, () -> Coins.of(1).minus(Coins.of(2)));
        assertThrows(IllegalArgumentException.class, () -> Coins.of(1).times(-1));
        assertThrows(NullPointerException.class, () -> Coins.of(1).plus(null));
    }

    @Test
    void orderAndText() {
        assertTrue(Coins.of(1).isLessThan(Coins.of(2)));
        assertFalse(Coins.of(2).isLessThan(Coins.of(2)));
        assertTrue(Coins.of(1).compareTo(Coins.of(2)) < 0);
        assertEquals(0, Coins.of(5).compareTo(new Coins(5)));
        assertEquals("300 coins", Coins.of(300).toString());
        assertEquals(Coins.of(300), new Coins(300));
    }
}
