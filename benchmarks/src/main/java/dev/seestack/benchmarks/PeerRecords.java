package dev.seestack.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Counts the log records in a peer appender's batch, so the counting server can report records delivered, not
 * requests: loki4j pushes JSON streams ({@code "values":[["<ns>","line"],...]}), Sentry posts envelopes whose
 * {@code log} items carry an {@code item_count}. Both may be gzipped.
 */
final class PeerRecords {
    /** The path loki4j pushes to. */
    static final String LOKI_PUSH = "/loki/api/v1/push";

    private PeerRecords() {
    }

    /** Whether {@code path} is a peer's endpoint (loki push, Sentry envelope). */
    static boolean isPeer(String path) {
        return path.equals(LOKI_PUSH) || isSentryEnvelope(path);
    }

    /** What the real backend answers: Loki 204, Sentry 200 (its transport counts anything else as a failure). */
    static int status(String path) {
        return path.equals(LOKI_PUSH) ? 204 : 200;
    }

    /** Records in one request body to {@code path}; {@code encoding} is its Content-Encoding header or null. */
    static long count(String path, byte[] body, String encoding) {
        String text = new String("gzip".equalsIgnoreCase(encoding) ? gunzip(body) : body, StandardCharsets.UTF_8);
        return path.equals(LOKI_PUSH) ? lokiEntries(text) : sentryLogItems(text);
    }

    private static boolean isSentryEnvelope(String path) {
        return path.startsWith("/api/") && path.endsWith("/envelope/");
    }

    /**
     * Entries of every stream: each is an array opening with the nanosecond timestamp, {@code ["1...}. Exact, since
     * a quote inside a JSON string is always escaped, so {@code ["} only occurs where an array begins.
     */
    static long lokiEntries(String json) {
        long n = 0;
        for (int at = json.indexOf("[\""); at >= 0; at = json.indexOf("[\"", at + 2)) {
            if (at + 2 < json.length() && Character.isDigit(json.charAt(at + 2))) {
                n++;
            }
        }
        return n;
    }

    /** The {@code item_count} of every {@code "type":"log"} item header of an envelope (one JSON per line). */
    static long sentryLogItems(String envelope) {
        long n = 0;
        for (String line : envelope.split("\n")) {
            if (!line.startsWith("{\"") || !line.contains("\"type\":\"log\"")) {
                continue;
            }
            int at = line.indexOf("\"item_count\":");
            if (at < 0) {
                continue;
            }
            int start = at + "\"item_count\":".length();
            int end = start;
            while (end < line.length() && Character.isDigit(line.charAt(end))) {
                end++;
            }
            n += end > start ? Long.parseLong(line.substring(start, end)) : 0;
        }
        return n;
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
