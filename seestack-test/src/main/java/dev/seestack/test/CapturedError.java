package dev.seestack.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An error as sent to {@code /ingest/v1/errors}. */
public final class CapturedError extends Captured {
    CapturedError(String json) {
        super(json);
    }

    /** The exception's fully qualified class name. */
    public String exceptionClass() {
        return text("exceptionClass");
    }

    public String message() {
        return text("message");
    }

    /** {@code error} unless told otherwise. */
    public String level() {
        return text("level");
    }

    /** The bare frames, e.g. {@code com.acme.Orders.place(Orders.java:42)}. */
    public List<String> stackTrace() {
        Object v = fields().get("stackTrace");
        return v instanceof List ? ((List<?>) v).stream().map(String::valueOf).collect(Collectors.toList()) : List.of();
    }

    /** {@code user.id}, or null. */
    public String userId() {
        Object id = object("user").get("id");
        return id == null ? null : String.valueOf(id);
    }

    /** {@code user.email}, or null. */
    public String userEmail() {
        Object email = object("user").get("email");
        return email == null ? null : String.valueOf(email);
    }

    public String environment() {
        return text("environment");
    }

    public String release() {
        return text("release");
    }

    public Map<String, Object> metadata() {
        return object("metadata");
    }
}
