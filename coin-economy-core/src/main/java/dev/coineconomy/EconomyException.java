package dev.coineconomy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business rejection: the command broke a rule of the economy and changed nothing (its request id
 * stays free). {@link #code()} says which rule, {@link #values()} the values involved.
 *
 * <p>Programming errors (null arguments, a zero quantity, a malformed id) are
 * {@link NullPointerException} and {@link IllegalArgumentException} instead, never this type.
 */
public final class EconomyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The machine-readable reason. */
    private final RejectionCode code;
    /** The offending values by name (not serialised: they may not be serialisable). */
    private final transient Map<String, Object> values;

    /**
     * Creates a rejection.
     *
     * @param code    the machine-readable code
     * @param message a human-readable message (built with {@code Locale.ROOT})
     * @param values  the offending values by name, in a stable order
     */
    public EconomyException(RejectionCode code, String message, Map<String, ?> values) {
        super(code + ": " + Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /** @return the machine-readable code */
    public RejectionCode code() {
        return code;
    }

    /**
     * The values involved, by name. They are not serialised: a deserialised rejection has none.
     *
     * @return the values (e.g. {@code needed}, {@code available}); empty, never {@code null}, after
     *         deserialisation
     */
    public Map<String, Object> values() {
        return values == null ? Map.of() : values;
    }

    /**
     * One value involved.
     *
     * @param name the value's name
     * @return the value, or {@code null} if this rejection has none by that name
     */
    public Object value(String name) {
        return values().get(name);
    }
}
