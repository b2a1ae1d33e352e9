package dev.coineconomy;

import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UserId} and {@link RequestId}: 1 to 128 characters, no whitespace, controls or unpaired surrogates. */
class IdsTest {

    @Test
    void validIds() {
        for (String v : new String[] {"a", "viewer-1", "r".repeat(128), "cr\u00E9ateur", "\u7528\u6237",
            "\uD83D\uDE00", "a/b:c?d=e&f", "UPPER", "ı", "İ"}) {
            assertEquals(v, UserId.of(v).value());
            assertEquals(v, RequestId.of(v).value());
            assertEquals(v, UserId.of(v).toString());
            assertEquals(v, RequestId.of(v).toString());
            assertEquals(UserId.of(v), new UserId(v));
            assertEquals(RequestId.of(v), new RequestId(v));
        }
        // compared exactly: case matters, even under a Turkish default locale
        assertNotEquals(UserId.of("Ivan"), UserId.of("ivan"));
        assertNotEquals(RequestId.of("P-1"), RequestId.of("p-1"));
        assertNotEquals(UserId.of("\u0131"), UserId.of("i"));
    }

    @Test
    void invalidUserIds() {
        invalid(UserId::of, "userId");
    }

    @Test
    void invalidRequestIds() {
        invalid(RequestId::of, "requestId");
    }

    private static void invalid(Function<String, Object> factory, String name) {
        assertEquals(name, assertThrows(NullPointerException.class, () -> factory.apply(null)).getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> factory.apply(""));
        assertEquals(name + " must have 1 to 128 characters, got 0", empty.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> factory.apply("x".repeat(129)));
        assertEquals(name + " must have 1 to 128 characters, got 129", tooLong.getMessage());
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class, () -> factory.apply("a b"));
        assertEquals(name + " must not contain whitespace or control characters, found U+0020 at index 1 in 'a b'",
                space.getMessage());
        for (String v : new String[] {" ", "\t", "a\n", "\r", "a\u0000", "\u007F", "\u0085", "a\u00A0b", "\u2007",
            "\u202F", "\u2003", "\u3000", "\u2028", "\u2029", "\u001F"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.apply(v),
                    () -> "accepted " + v.codePoints().mapToObj(Integer::toHexString).toList());
            assertTrue(e.getMessage().startsWith(name + " must not contain"), e.getMessage());
        }
        for (String v : new String[] {"a\uD800", "\uDC00", "a\uDC00\uD800b", "\uD83D", "x\uDE00"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.apply(v));
            assertTrue(e.getMessage().startsWith(name + " must be well-formed UTF-16"), e.getMessage());
        }
    }
}
