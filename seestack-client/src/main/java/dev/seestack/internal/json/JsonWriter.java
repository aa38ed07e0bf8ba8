package dev.seestack.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A minimal streaming JSON writer over a StringBuilder. Strings are escaped so the output is always valid
 * JSON: control characters become {@code \\uXXXX}, lone surrogates become U+FFFD, and U+0000 is removed
 * (the backend accepts it but its storage rejects the whole event).
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder out;
    private boolean needComma;

    public JsonWriter(int initialCapacity) {
        this.out = new StringBuilder(initialCapacity);
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** Writes a member name; the next value call writes its value. */
    public JsonWriter name(String name) {
        separate();
        writeString(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            writeString(s);
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(long n) {
        separate();
        out.append(n);
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean b) {
        separate();
        out.append(b);
        needComma = true;
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        needComma = true;
        return this;
    }

    /** Writes a number token that the caller guarantees is valid JSON (finite, plain). */
    public JsonWriter rawNumber(String token) {
        separate();
        out.append(token);
        needComma = true;
        return this;
    }

    /** Writes {@code "name": value} only when value is not null. */
    public JsonWriter optional(String name, String value) {
        if (value != null) {
            name(name).value(value);
        }
        return this;
    }

    /**
     * Writes a sanitized value tree (String, Boolean, Long, Double/Float, BigInteger/BigDecimal, Map, List, null) as
     * produced by
     * {@link MetadataSanitizer}.
     */
    public JsonWriter tree(Object value) {
        if (value == null) {
            return nullValue();
        } else if (value instanceof String) {
            return value((String) value);
        } else if (value instanceof Boolean) {
            return value(((Boolean) value).booleanValue());
        } else if (value instanceof Long || value instanceof Integer) {
            return value(((Number) value).longValue());
        } else if (value instanceof JsonNumber) {
            return rawNumber(((JsonNumber) value).token());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? rawNumber(Double.toString(d)) : value(Double.toString(d));
        } else if (value instanceof BigInteger) {
            BigInteger bi = (BigInteger) value;
            return bi.bitLength() < 64 ? value(bi.longValue()) : value(MetadataSanitizer.truncate(bi.toString(), 64));
        } else if (value instanceof BigDecimal) {
            BigDecimal bd = (BigDecimal) value;
            // a huge scale would print as a valid but absurd number; keep it short and quoted
            boolean plain = Math.abs((long) bd.scale()) <= 100 && bd.precision() <= 100;
            return plain ? rawNumber(bd.toString()) : value(MetadataSanitizer.truncate(bd.toString(), 128));
        } else if (value instanceof Map) {
            beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                name(String.valueOf(e.getKey()));
                tree(e.getValue());
            }
            return endObject();
        } else if (value instanceof List) {
            beginArray();
            for (Object item : (List<?>) value) {
                tree(item);
            }
            return endArray();
        }
        return value(String.valueOf(value));
    }

    public int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * The document as UTF-8 (lone surrogates were already replaced, so the JDK's encoder, which copies ASCII in
     * bulk, gives the same bytes as a char-by-char one).
     */
    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (needComma) {
            out.append(',');
        }
    }

    /** Writes a stack frame as the bare string {@code pkg.Class.method(File.java:42)} without building it first. */
    public JsonWriter frameValue(StackTraceElement e) {
        separate();
        out.append('"');
        appendEscaped(e.getClassName());
        out.append('.');
        appendEscaped(e.getMethodName());
        out.append('(');
        if (e.isNativeMethod()) {
            out.append("Native Method");
        } else if (e.getFileName() == null) {
            out.append("Unknown Source");
        } else {
            appendEscaped(e.getFileName());
            if (e.getLineNumber() >= 0) {
                out.append(':').append(e.getLineNumber());
            }
        }
        out.append(")\"");
        needComma = true;
        return this;
    }

    private void writeString(String s) {
        out.append('"');
        appendEscaped(s);
        out.append('"');
    }

    /** Appends {@code s} escaped: runs of characters that need nothing are copied whole. */
    private void appendEscaped(String s) {
        int len = s.length();
        int run = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x2028 || c > 0x2029 && (c < 0xD800 || c > 0xDFFF))) {
                continue;
            }
            out.append(s, run, i);
            i = appendEscaped(s, i, c);
            run = i + 1;
        }
        if (run == 0) {
            out.append(s);
        } else {
            out.append(s, run, len);
        }
    }

    /** Appends the escape of {@code c} at {@code i} of {@code s}; returns the index of the last character used. */
    private int appendEscaped(String s, int i, char c) {
        int len = s.length();
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\0':
                break;
            default:
                if (c < 0x20) {
                    out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                } else if (c == 0x2028 || c == 0x2029) {
                    out.append(c == 0x2028 ? "\\u2028" : "\\u2029");
                } else if (Character.isHighSurrogate(c)) {
                    if (i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        out.append('\uFFFD');
                    }
                } else if (Character.isLowSurrogate(c)) {
                    out.append('\uFFFD');
                } else {
                    out.append(c);
                }
        }
        return i;
    }
}
