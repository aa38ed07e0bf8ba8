package dev.seestack.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Values an application may hand to a logging call that a careless SDK would choke on. */
final class Hostile {
    static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
    static final String CONTROL_CHARS = "lone \uD800 high, lone \uDC00 low, NUL \u0000, bell \u0007, esc \u001b,"
            + " del \u007f, separators \u2028\u2029, reversed pair \uDC00\uD800, emoji \uD83D\uDE00";
    /** An error message that looks like SQL with one enormous string literal. */
    static final String SQL_WITH_HUGE_LITERAL = "select * from users where name = '" + "y".repeat(200_000) + "'";

    private Hostile() {
    }

    /** Messages that must be rejected locally (and counted), never sent: blank means only characters <= U+0020. */
    static List<String> blankMessages() {
        List<String> blanks = new ArrayList<>();
        blanks.add(null);
        blanks.add("");
        blanks.add("   \t\n ");
        blanks.add("\u0000");
        blanks.add("\u0001\u001f ");
        return blanks;
    }

    /** Messages that must arrive as valid JSON (cut to the protocol's bound where long). */
    static List<String> strangeMessages() {
        return List.of(TEN_MB, CONTROL_CHARS, "\uD800", SQL_WITH_HUGE_LITERAL);
    }

    /** Throwables that are hard to render. */
    static List<Throwable> throwables() {
        List<Throwable> list = new ArrayList<>();
        list.add(new IllegalStateException((String) null));
        list.add(new IllegalStateException(""));
        list.add(new IllegalStateException(TEN_MB));
        list.add(new IllegalStateException(CONTROL_CHARS));
        list.add(new IllegalStateException(SQL_WITH_HUGE_LITERAL));
        list.add(new IllegalStateException("outer", new RuntimeException(SQL_WITH_HUGE_LITERAL)));
        list.add(causeCycle());
        list.add(suppressedCycle());
        list.add(deepStack());
        return list;
    }

    /** Throwables whose own methods throw: the facade must cope (a logging framework may already fail on them). */
    static List<Throwable> treacherousThrowables() {
        return List.of(new ThrowingMessage(), new ThrowingToString(), new ThrowingStackTrace());
    }

    static Throwable causeCycle() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.initCause(a);
        return a;
    }

    static Throwable suppressedCycle() {
        RuntimeException a = new RuntimeException("suppressing a");
        RuntimeException b = new RuntimeException("suppressing b");
        a.addSuppressed(b);
        b.addSuppressed(a);
        return a;
    }

    static Throwable deepStack() {
        RuntimeException e = new RuntimeException("10 000 frames");
        StackTraceElement[] frames = new StackTraceElement[10_000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.acme.Deep", "level" + i, "Deep.java", i);
        }
        e.setStackTrace(frames);
        return e;
    }

    /** Metadata / key-value values of every awkward kind, under awkward keys. */
    static Map<Object, Object> values() {
        Map<Object, Object> m = new LinkedHashMap<>();
        List<Object> cyclicList = new ArrayList<>();
        cyclicList.add("head");
        cyclicList.add(cyclicList);
        Map<String, Object> cyclicMap = new HashMap<>();
        cyclicMap.put("self", cyclicMap);
        m.put("cyclicList", cyclicList);
        m.put("cyclicMap", cyclicMap);
        m.put("throwingToString", new ThrowingValue());
        m.put("recursingToString", new RecursingValue());
        m.put("nan", Double.NaN);
        m.put("infinity", Double.POSITIVE_INFINITY);
        m.put("negInfinity", Float.NEGATIVE_INFINITY);
        m.put("hugeScale", new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE));
        m.put("hugeNegativeScale", new BigDecimal(BigInteger.TEN.pow(500), -Integer.MAX_VALUE + 10));
        m.put("bytes", new byte[] {0, 1, 2, (byte) 0xff});
        m.put("optional", Optional.of("present"));
        m.put("emptyOptional", Optional.empty());
        m.put("instant", Instant.EPOCH);
        m.put("date", LocalDate.of(2026, 1, 1));
        m.put("zoned", ZonedDateTime.parse("2026-01-01T00:00:00Z"));
        m.put("duration", Duration.ofMillis(1500));
        m.put("control", CONTROL_CHARS);
        m.put(null, "null key");
        m.put(42, "integer key");
        m.put(new ThrowingValue(), "key whose toString throws");
        Map<Object, Object> nested = new HashMap<>();
        nested.put(null, "nested null key");
        nested.put(List.of(1, 2), "list key");
        m.put("nested", nested);
        return m;
    }

    /** {@link #values()} with string keys, as SLF4J key-value pairs need. */
    static Map<String, Object> stringKeyed() {
        Map<String, Object> m = new LinkedHashMap<>();
        values().forEach((k, v) -> m.put(k instanceof String ? (String) k : "key-" + m.size(), v));
        return m;
    }

    static final class ThrowingValue {
        @Override
        public String toString() {
            throw new IllegalStateException("toString refuses");
        }
    }

    static final class RecursingValue {
        @Override
        public String toString() {
            return "again " + this;
        }
    }

    static final class ThrowingMessage extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage refuses");
        }
    }

    static final class ThrowingToString extends RuntimeException {
        ThrowingToString() {
            super("a message");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString refuses");
        }
    }

    static final class ThrowingStackTrace extends RuntimeException {
        ThrowingStackTrace() {
            super("frames refuse");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace refuses");
        }
    }
}
