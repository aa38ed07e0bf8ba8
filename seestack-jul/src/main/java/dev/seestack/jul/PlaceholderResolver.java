package dev.seestack.jul;

import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} references in a {@code logging.properties} value, which JUL itself leaves as they
 * are: each is looked up as an environment variable, then as a system property. A value with any reference
 * that resolves to nothing counts as missing.
 */
final class PlaceholderResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final UnaryOperator<String> lookup;

    PlaceholderResolver(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /** Looks names up in the process environment, then in the system properties. */
    static PlaceholderResolver fromEnvironment() {
        return new PlaceholderResolver(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    /** {@code value} with every reference replaced, or null when a reference is blank or undefined. */
    String resolve(String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder(value.length() + 32);
        while (m.find()) {
            String name = m.group(1).strip();
            String replacement = name.isEmpty() ? null : lookup.apply(name);
            if (replacement == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code ${NAME}} references in {@code value}, as written, joined for a message. */
    static String references(String value) {
        StringJoiner names = new StringJoiner(", ");
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            names.add(m.group());
        }
        return names.toString();
    }
}
