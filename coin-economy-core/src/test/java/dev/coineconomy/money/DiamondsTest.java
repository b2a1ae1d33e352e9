package dev.coineconomy.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiamondsTest {

    @Test
    void nonNegative() {
        assertEquals(0, Diamonds.of(0).amount());
        assertSame(Diamonds.zero(), Diamonds.of(0));
        assertTrue(Diamonds.zero().isZero());
        assertEquals(Long.MAX_VALUE, Diamonds.of(Long.MAX_VALUE).amount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Diamonds.of(-1));
        assertTrue(e.getMessage().contains("diamonds") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Diamonds(Long.MIN_VALUE));
    }

    @Test
    void exactArithmetic() {
        assertEquals(Diamonds.of(330), Diamonds.of(65).plus(Diamonds.of(265)));
        assertEquals(Diamonds.of(100), Diamonds.of(400).minus(Diamonds.of(300)));
        assertEquals(Diamonds.zero(), Diamonds.of(7).minus(Diamonds.of(7)));
        assertEquals(Diamonds.of(300), Diamonds.of(100).times(3));
        assertEquals(Diamonds.zero(), Diamonds.of(100).times(0));
        assertEquals(Diamonds.of(Long.MAX_VALUE), Diamonds.of(Long.MAX_VALUE - 1).plus(Diamonds.of(1)));
    }

    @Test
    void overflowIsAnArithmeticExceptionAndGoingNegativeAnIllegalArgument() {
        ArithmeticException sum = assertThrows(ArithmeticException.class,
                () -> Diamonds.of(Long.MAX_VALUE).plus(Diamonds.of(1)));
        assertTrue(sum.getMessage().contains("overflow"), sum.getMessage());
        assertThrows(ArithmeticException.class, () -> Diamonds.of(29_999).times(Long.MAX_VALUE / 29_999 + 1));
        assertEquals(Diamonds.of(Long.MAX_VALUE / 29_999 * 29_999), Diamonds.of(29_999).times(Long.MAX_VALUE / 29_999));
        assertThrows(IllegalArgumentException.class, () -> Diamonds.of(1).minus(Diamonds.of(2)));
        assertThrows(IllegalArgumentException.class, () -> Diamonds.of(1).times(-1));
        assertThrows(NullPointerException.class, () -> Diamonds.of(1).plus(null));
    }

    @Test
    void orderAndText() {
        assertTrue(Diamonds.of(1).isLessThan(Diamonds.of(2)));
        assertFalse(Diamonds.of(2).isLessThan(Diamonds.of(2)));
        assertTrue(Diamonds.of(1).compareTo(Diamonds.of(2)) < 0);
        assertEquals(0, Diamonds.of(5).compareTo(new Diamonds(5)));
        assertEquals("300 diamonds", Diamonds.of(300).toString());
        assertEquals(Diamonds.of(300), new Diamonds(300));
    }
}
