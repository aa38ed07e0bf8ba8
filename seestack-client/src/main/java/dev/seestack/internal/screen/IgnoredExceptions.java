package dev.seestack.internal.screen;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code ignoredExceptions} option: exception classes named by their binary names, matched against a
 * throwable's class and every superclass (so subclasses are ignored too), without loading the named classes.
 */
public final class IgnoredExceptions {
    private final Set<String> names;
    /** The answer per thrown class, computed once per class. */
    private final ClassValue<Boolean> ignored = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (names.contains(c.getName())) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        }
    };

    /** From the option's text (comma-separated class names; null or blank: none). */
    public IgnoredExceptions(String classNames) {
        Set<String> set = new LinkedHashSet<>();
        if (classNames != null) {
            for (String name : classNames.split(",")) {
                if (!name.isBlank()) {
                    set.add(name.strip());
                }
            }
        }
        this.names = set;
    }

    /** Whether {@code throwable} is an instance of a named class. */
    public boolean ignores(Throwable throwable) {
        return !names.isEmpty() && throwable != null && ignored.get(throwable.getClass());
    }
}
