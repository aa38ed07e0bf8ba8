package dev.seestack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-call details of a captured error: level (default {@code error}), user and metadata. */
public final class ErrorContext {
    private final String level;
    private final User user;
    private final Map<String, Object> metadata;

    private ErrorContext(Builder b) {
        this.level = b.level;
        this.user = b.user;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Level as given (normalised when sent); null means {@code error}. */
    public String level() {
        return level;
    }

    /** User for this error; null falls back to the client's {@code setUser}. */
    public User user() {
        return user;
    }

    /** Extra metadata (masked before sending). */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Builder of {@link ErrorContext}. */
    public static final class Builder {
        private String level;
        private User user;
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** One of debug, info, warn/warning, error, fatal (any case). */
        public Builder level(String level) {
            this.level = level;
            return this;
        }

        /** The level of the error. */
        public Builder level(Level level) {
            this.level = level == null ? null : level.name();
            return this;
        }

        public Builder user(User user) {
            this.user = user;
            return this;
        }

        /** Adds one metadata entry; values may be any object. */
        public Builder put(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        /** Adds all entries of {@code values}; null is ignored. */
        public Builder metadata(Map<String, ?> values) {
            if (values != null) {
                metadata.putAll(values);
            }
            return this;
        }

        public ErrorContext build() {
            return new ErrorContext(this);
        }
    }
}
