package dev.seestack.internal.options;

import dev.seestack.internal.event.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Values of the {@link Option} table, typed and validated the same way for every integration: a value that
 * cannot be used (not a number, out of range, not a level, an unresolved {@code ${...}} reference) is skipped
 * with a warning in {@link #warnings()} and the option keeps its default.
 */
public final class OptionValues {
    private final Map<Option, Object> values = new EnumMap<>(Option.class);
    private final List<String> warnings = new ArrayList<>();
    private final Function<String, Severity> levels;
    private final String levelNames;

    /** Values whose level options are parsed by {@code levels} (null for an unknown name) naming {@code levelNames}. */
    public OptionValues(Function<String, Severity> levels, String levelNames) {
        this.levels = levels;
        this.levelNames = levelNames;
    }

    /** Values that accept the SDK's own level names ({@code debug} ... {@code fatal}). */
    public OptionValues() {
        this(Severity::parse, "debug, info, warn, error, fatal");
    }

    /** Sets a typed value (null: unset); an invalid one is skipped with a warning. */
    public void put(Option option, Object typed) {
        if (typed == null) {
            values.remove(option);
        } else if (option.accepts(typed)) {
            values.put(option, typed);
        } else {
            warn(option.optionName() + " " + option.rule() + ", was " + typed + "; using " + option.defaultValue());
            values.remove(option);
        }
    }

    /** Sets a value given as text (null or blank: unset), parsed by the option's {@link Option.Kind}. */
    public void putText(Option option, String raw) {
        String text = raw == null ? null : raw.strip();
        if (text == null || text.isEmpty()) {
            if (text != null && option == Option.SERVER_NAME) {
                values.put(option, ""); // given empty: turned off, not unset (which means the host name)
            } else {
                values.remove(option);
            }
            return;
        }
        if (isUnresolved(text)) {
            warn("SeeStack: option '" + option.optionName() + "' refers to an undefined variable (" + text
                    + "); treated as unset");
            values.remove(option);
            return;
        }
        Object typed = parse(option, text);
        if (typed == null) {
            values.remove(option);
        } else {
            put(option, typed);
        }
    }

    /** Sets a value by option name; false when no option has that name. */
    public boolean putText(String name, String raw) {
        Option option = Option.named(name);
        if (option == null) {
            return false;
        }
        putText(option, raw);
        return true;
    }

    /** Copies the client options {@code from} has set (already validated: no new warnings). */
    public void copyClientOptions(OptionValues from) {
        for (Map.Entry<Option, Object> e : from.values.entrySet()) {
            if (e.getKey().scope() == Option.Scope.CLIENT) {
                values.put(e.getKey(), e.getValue());
            }
        }
    }

    /** A copy of the values and warnings. */
    public OptionValues copy() {
        OptionValues c = new OptionValues(levels, levelNames);
        c.values.putAll(values);
        c.warnings.addAll(warnings);
        return c;
    }

    /** Whether the option was given a usable value. */
    public boolean isSet(Option option) {
        return values.containsKey(option);
    }

    /** The value given, else the option's default (possibly null). */
    public Object get(Option option) {
        Object v = values.get(option);
        return v != null ? v : option.defaultValue();
    }

    public String string(Option option) {
        return (String) get(option);
    }

    public long longValue(Option option) {
        return (Long) get(option);
    }

    public int intValue(Option option) {
        return (Integer) get(option);
    }

    public boolean bool(Option option) {
        return (Boolean) get(option);
    }

    public Severity level(Option option) {
        return (Severity) get(option);
    }

    /** The problems found so far, one sentence each (values never printed for secret options). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Whether {@code text} is a reference its framework left unresolved ({@code ${VAR}}, {@code VAR_IS_UNDEFINED}). */
    public static boolean isUnresolved(String text) {
        return text.endsWith("_IS_UNDEFINED") || text.contains("${");
    }

    private Object parse(Option option, String text) {
        switch (option.kind()) {
            case LONG:
            case INT:
                try {
                    long n = Long.parseLong(text);
                    if (option.kind() == Option.Kind.LONG) {
                        return n;
                    }
                    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
                } catch (NumberFormatException e) {
                    return invalid(option, text, "is not a whole number");
                }
            case BOOLEAN:
                String b = text.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("false")) {
                    return Boolean.valueOf(b);
                }
                return invalid(option, text, "is not true or false");
            case LEVEL:
                Severity s = levels.apply(text);
                return s != null ? s : invalid(option, text, "is not a level (" + levelNames + ")");
            default:
                return text;
        }
    }

    private Object invalid(Option option, String text, String problem) {
        warn("SeeStack: option '" + option.optionName() + "' " + problem + ": "
                + (option.isSecret() ? "[REDACTED]" : text) + "; keeping the default " + option.defaultDoc().replace("`", ""));
        return null;
    }

    /** Records a problem once. */
    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

}
