package dev.seestack.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void encodesUtf8ExactlyAsTheJdkDoes() {
        String text = "ascii é ü 東京 🚀 \u2028 end";
        JsonWriter w = new JsonWriter(16).value(text);
        assertArrayEquals(w.toString().getBytes(StandardCharsets.UTF_8), w.toBytes());
        assertEquals("\"ascii é ü 東京 🚀 \\u2028 end\"", new String(w.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void replacesLoneSurrogatesRemovesNulAndEscapesControlCharacters() {
        JsonWriter w = new JsonWriter(16).value("a\uD800b\uDC00c\u0000\u0007\"\\\n");
        assertEquals("\"a\uFFFDb\uFFFDc\\u0007\\\"\\\\\\n\"", w.toString());
        assertEquals("{\"k\":\"v\"}", new JsonWriter(16).beginObject().name("\u0000k").value("v\u0000").endObject()
                .toString());
    }

    @Test
    void escapesCharactersAtTheStartBetweenAndAtTheEndOfPlainRuns() {
        JsonWriter w = new JsonWriter(16).value("\"plain run\\\tanother run\u2029end\n");

        assertEquals("\"\\\"plain run\\\\\\tanother run\\u2029end\\n\"", w.toString());
        assertEquals(w.toString(), new String(w.toBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void writesBareFramesWithoutTheAtPrefix() {
        StackTraceElement frame = new StackTraceElement("com.acme.Orders", "place", "Orders.java", 42);
        StackTraceElement nativeFrame = new StackTraceElement("java.lang.Object", "wait", null, -2);
        JsonWriter w = new JsonWriter(16).beginArray().frameValue(frame).frameValue(nativeFrame).endArray();
        assertEquals("[\"com.acme.Orders.place(Orders.java:42)\",\"java.lang.Object.wait(Native Method)\"]",
                w.toString());
    }

    @Test
    void rendersNumbersAtWriteTimeKeepingTheJsonValid() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("d", 1.5d);
        tree.put("nan", Double.NaN);
        tree.put("inf", Float.POSITIVE_INFINITY);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("small", BigInteger.TEN);
        tree.put("money", new BigDecimal("129.90"));
        tree.put("hugeScale", new BigDecimal("1E-1000000000"));
        tree.put("list", Arrays.asList(1L, null, true));
        assertEquals("{\"d\":1.5,\"nan\":\"NaN\",\"inf\":\"Infinity\",\"big\":\"123456789012345678901234567890\","
                + "\"small\":10,\"money\":129.90,\"hugeScale\":\"1E-1000000000\",\"list\":[1,null,true]}",
                new JsonWriter(16).tree(tree).toString());
    }
}
