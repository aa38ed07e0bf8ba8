package dev.seestack.examples.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorOptionsTest {
    @Test
    void usesDocumentedDefaultsWithoutArguments() {
        CollectorOptions options = CollectorOptions.parse();

        assertEquals(7717, options.port());
        assertEquals("local-dev-key", options.apiKey());
        assertEquals("local-flags-token", options.flagsToken());
        assertNull(options.knownMonitors(), "every slug is a known monitor by default");
        assertNull(options.jsonlFile());
        assertNull(options.flagsFile());
    }

    @Test
    void parsesEveryOptionInBothSpellings() {
        CollectorOptions options = CollectorOptions.parse("--port", "9000", "--api-key=k1", "--flags-token", "t1",
                "--jsonl", "out/events.jsonl", "--monitors", "nightly-report, weekly-backup", "--flags=my-flags.json");

        assertEquals(9000, options.port());
        assertEquals("k1", options.apiKey());
        assertEquals("t1", options.flagsToken());
        assertEquals(Path.of("out/events.jsonl"), options.jsonlFile());
        assertEquals(Set.of("nightly-report", "weekly-backup"), options.knownMonitors());
        assertEquals(Path.of("my-flags.json"), options.flagsFile());
    }

    @Test
    void rejectsUnknownOptionsAndBadPortsNamingThem() {
        assertEquals("unknown option --verbose",
                assertThrows(IllegalArgumentException.class, () -> CollectorOptions.parse("--verbose", "1")).getMessage());
        assertEquals("option --port must be a number, was abc",
                assertThrows(IllegalArgumentException.class, () -> CollectorOptions.parse("--port", "abc")).getMessage());
        assertEquals("option --api-key needs a value",
                assertThrows(IllegalArgumentException.class, () -> CollectorOptions.parse("--api-key")).getMessage());
    }
}
