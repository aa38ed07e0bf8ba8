package dev.seestack.flags;

import java.util.Locale;
import java.util.Objects;

/**
 * The result of evaluating one feature flag for a user: whether it is enabled, and its value as a string
 * ({@code "true"}, {@code "variant-b"}, {@code "42"}; may be null). The typed helpers never throw: a disabled
 * flag or an unparseable value gives the default.
 */
public final class FlagResult {
    private static final FlagResult DISABLED = new FlagResult(false, null);

    private final boolean enabled;
    private final String value;

    private FlagResult(boolean enabled, String value) {
        this.enabled = enabled;
        this.value = value;
    }

    /** A result with the given state and value. */
    public static FlagResult of(boolean enabled, String value) {
        return !enabled && value == null ? DISABLED : new FlagResult(enabled, value);
    }

    /** A disabled flag without value: what a lookup returns when it fails and no default was given. */
    public static FlagResult disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The flag's value (from the backend's {@code value}, else {@code variant}); may be null. */
    public String value() {
        return value;
    }

    /**
     * Whether the flag is on: false when disabled; otherwise its value read as a boolean ({@code true} /
     * {@code false}, any case), and true when the value is absent or not a boolean.
     */
    public boolean asBoolean() {
        return enabled && asBoolean(true);
    }

    /** The value read as a boolean when the flag is enabled; {@code defaultValue} otherwise. */
    public boolean asBoolean(boolean defaultValue) {
        if (!enabled || value == null) {
            return defaultValue;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        return defaultValue;
    }

    /** The value as an int when enabled and parseable; {@code defaultValue} otherwise. */
    public int asInt(int defaultValue) {
        long v = asLong(Long.MIN_VALUE);
        return v == Long.MIN_VALUE || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? defaultValue : (int) v;
    }

    /** The value as a long when enabled and parseable; {@code defaultValue} otherwise. */
    public long asLong(long defaultValue) {
        if (!enabled || value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    /** The value as a double when enabled and a finite number; {@code defaultValue} otherwise. */
    public double asDouble(double defaultValue) {
        if (!enabled || value == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : defaultValue;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    /** The value when enabled and present; {@code defaultValue} otherwise. */
    public String asString(String defaultValue) {
        return enabled && value != null ? value : defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FlagResult)) {
            return false;
        }
        FlagResult other = (FlagResult) o;
        return enabled == other.enabled && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, value);
    }

    @Override
    public String toString() {
        return "FlagResult{enabled=" + enabled + ", value=" + value + "}";
    }
}
