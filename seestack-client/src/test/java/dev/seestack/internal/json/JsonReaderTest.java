package dev.seestack.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsObjectsArraysStringsNumbersBooleansAndNull() {
        Object parsed = JsonReader.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\"}, \"e\": {}} ");

        Map<?, ?> root = (Map<?, ?>) parsed;
        List<?> a = (List<?>) root.get("a");
        assertEquals("1", ((JsonNumber) a.get(0)).token());
        assertEquals("-2.5e3", ((JsonNumber) a.get(1)).token());
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Boolean.FALSE, a.get(3));
        assertNull(a.get(4));
        assertEquals("d", ((Map<?, ?>) root.get("b")).get("c"));
        assertTrue(((Map<?, ?>) root.get("e")).isEmpty());
        assertEquals(List.of(), JsonReader.parse("[]"));
    }

    @Test
    void decodesStringEscapes() {
        assertEquals("q\"b\\s/\b\f\n\r\tü😀", JsonReader.parse("\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u00fc\\ud83d\\ude00\""));
    }

    @Test
    void rejectsMalformedInput() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "\"open", "01x", "tru", "{} x", "\"\\x\"",
            "\"a\u0001\"", "-", "1.", "[1 2]"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[".repeat(100) + "]".repeat(100)));
    }
}
