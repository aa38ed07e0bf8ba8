package dev.seestack.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The backend's error grouping, recomputed from an error body as PROTOCOL.md describes it: SHA-256 of
 * {@code exceptionClass} + {@code |} + the first 5 {@code stackTrace} elements (stripped) that do not start with
 * an internal prefix, joined with {@code |}. Errors with equal fingerprints are one group.
 */
public final class BackendFingerprint {
    /** Frames the backend skips: they name the JDK or a framework, not the bug's location. */
    public static final List<String> INTERNAL_PREFIXES = List.of("java.", "javax.", "jakarta.", "sun.", "com.sun.",
            "org.springframework.", "org.apache.", "io.netty.");
    private static final int FRAMES = 5;

    private BackendFingerprint() {
    }

    /** The fingerprint (lower-case hex) of one {@code POST /ingest/v1/errors} body. */
    public static String of(String errorBody) {
        return hash(material(errorBody));
    }

    /** The string the backend hashes: class and the significant frames, joined with {@code |}. */
    public static String material(String errorBody) {
        JsonNode body = new ObjectMapper().readTree(errorBody);
        List<String> parts = new ArrayList<>();
        parts.add(body.path("exceptionClass").asString());
        for (JsonNode element : body.path("stackTrace")) {
            String frame = element.asString().strip();
            if (parts.size() > FRAMES) {
                break;
            }
            if (INTERNAL_PREFIXES.stream().noneMatch(frame::startsWith)) {
                parts.add(frame);
            }
        }
        return String.join("|", parts);
    }

    private static String hash(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
