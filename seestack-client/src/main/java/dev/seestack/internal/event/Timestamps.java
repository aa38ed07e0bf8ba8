package dev.seestack.internal.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one wire format for times: ISO-8601 UTC with milliseconds, e.g. {@code 2026-12-02T21:10:31.042Z}. */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code instant} in the wire format. */
    public static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Epoch milliseconds in the wire format. */
    public static String isoMillis(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }
}
