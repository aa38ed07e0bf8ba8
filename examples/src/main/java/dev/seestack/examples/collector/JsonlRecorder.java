package dev.seestack.examples.collector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends every received ingest body to a JSONL file, one line per request:
 * {@code {"receivedAt":"<iso>","path":"/ingest/v1/logs","status":202,"body":{...}}}; a body that is not
 * JSON is stored as a string under {@code "rawBody"} instead.
 */
final class JsonlRecorder implements AutoCloseable {
    private final ObjectMapper mapper;
    private final BufferedWriter writer;

    JsonlRecorder(Path file, ObjectMapper mapper) {
        this.mapper = mapper;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open JSONL file " + file, e);
        }
    }

    /** Records one request; {@code parsed} is null when the body was not valid JSON. */
    synchronized void record(String path, int status, String rawBody, JsonNode parsed) {
        ObjectNode line = mapper.createObjectNode();
        line.put("receivedAt", Instant.now().toString());
        line.put("path", path);
        line.put("status", status);
        if (parsed != null) {
            line.set("body", parsed);
        } else {
            line.put("rawBody", rawBody);
        }
        try {
            writer.write(mapper.writeValueAsString(line));
            writer.newLine();
            // Flushed per line so the file can be tailed while the collector runs.
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
