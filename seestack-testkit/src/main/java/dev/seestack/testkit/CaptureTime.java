package dev.seestack.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a log body's {@code metadata.timestamp} (capture time, ISO-8601 UTC with milliseconds, close to now) and
 * removes it, so the rest of the body can be compared exactly.
 */
public final class CaptureTime {
    private static final Pattern FIELD = Pattern.compile(
            "\"timestamp\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)\"");

    private CaptureTime() {
    }

    /** {@code body} without its capture time; fails when the field is missing, malformed or not recent. */
    public static String strip(String body) {
        Matcher m = FIELD.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no metadata.timestamp (ISO-8601 UTC ms) in " + body);
        }
        Instant at = Instant.parse(m.group(1));
        if (Duration.between(at, Instant.now()).abs().compareTo(Duration.ofMinutes(10)) > 0) {
            throw new AssertionError("metadata.timestamp " + at + " is not the capture time of " + body);
        }
        String rest = body.substring(0, m.start()) + body.substring(m.end());
        return rest.replace(",}", "}").replace("{,", "{").replace(",\"metadata\":{}", "");
    }
}
