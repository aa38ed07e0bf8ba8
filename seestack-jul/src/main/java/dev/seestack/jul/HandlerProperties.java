package dev.seestack.jul;

import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.options.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * The handler's {@code logging.properties} entries, named {@code <handler class>.<option>}, with
 * {@code ${NAME}} references resolved. Values that cannot be used are skipped (the default applies) and
 * described in {@link #problems()}, for the handler to report through its {@code ErrorManager}.
 */
final class HandlerProperties {
    private final String prefix;
    private final UnaryOperator<String> source;
    private final PlaceholderResolver resolver;
    private final List<String> problems = new ArrayList<>();

    HandlerProperties(String prefix, UnaryOperator<String> source, PlaceholderResolver resolver) {
        this.prefix = prefix;
        this.source = source;
        this.resolver = resolver;
    }

    /** The properties of the current {@link LogManager} configuration for {@code handlerClass}. */
    static HandlerProperties of(Class<?> handlerClass) {
        LogManager manager = LogManager.getLogManager();
        return new HandlerProperties(handlerClass.getName(), manager::getProperty,
                PlaceholderResolver.fromEnvironment());
    }

    /**
     * Sets every option of the table that has a {@code <handler>.<option>} entry; {@code clientOptions} false
     * skips the client options but {@code service} (the handler was given a {@code SeeStackConfig}).
     */
    void applyTo(AdapterOptions options, boolean clientOptions) {
        for (Option option : Option.values()) {
            // the service is also the handler's own (it wins over its client's)
            if (clientOptions || option.scope() != Option.Scope.CLIENT || option == Option.SERVICE) {
                String value = string(option.optionName());
                if (value != null) {
                    options.set(option, value);
                }
            }
        }
    }

    /** A JUL level name or number ({@code SEVERE}, {@code 1000}), or {@code fallback} when unset or invalid. */
    Level level(String option, Level fallback) {
        String value = string(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Level.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(describe(option, value) + " is not a java.util.logging level; using " + fallback);
            return fallback;
        }
    }

    /** A {@link Filter} class name, instantiated as JUL instantiates handlers; null when unset or unusable. */
    Filter filter(String option) {
        String className = string(option);
        if (className == null) {
            return null;
        }
        try {
            return (Filter) load(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            problems.add(describe(option, className) + " is not a usable java.util.logging.Filter (" + e + ")");
            return null;
        }
    }

    // The system class loader first, then the context class loader: the order LogManager uses for handlers.
    private static Class<?> load(String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                throw e;
            }
            return Class.forName(className, true, context);
        }
    }

    /** Problems found while reading, one sentence each. */
    List<String> problems() {
        return problems;
    }

    String string(String option) {
        String raw = source.apply(prefix + "." + option);
        if (raw == null) {
            return null;
        }
        String resolved = resolver.resolve(raw.strip());
        if (resolved == null) {
            problems.add("SeeStack: " + prefix + "." + option + " refers to an undefined variable ("
                    + PlaceholderResolver.references(raw) + "); treated as missing");
            return null;
        }
        return resolved.isBlank() ? null : resolved.strip();
    }

    private String describe(String option, String value) {
        return "SeeStack: " + prefix + "." + option + " = " + (isSecret(option) ? "[REDACTED]" : value);
    }

    private static boolean isSecret(String option) {
        Option o = Option.named(option);
        return o != null && o.isSecret();
    }
}
