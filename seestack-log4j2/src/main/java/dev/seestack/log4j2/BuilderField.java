package dev.seestack.log4j2;

import java.lang.reflect.Field;

/**
 * One text attribute field of {@link SeeStackAppender.Builder}, found by the option's name: Log4j2 injects the
 * annotated fields itself, and the builder reads them back by the names of the SDK's option table.
 */
final class BuilderField {
    private final Field field;

    BuilderField(String name) {
        try {
            field = SeeStackAppender.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("SeeStack: the <SeeStack> element has no attribute for option '" + name
                    + "'; add a @PluginBuilderAttribute field of that name", e);
        }
    }

    String get(Object builder) {
        try {
            return (String) field.get(builder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void set(Object builder, String value) {
        try {
            field.set(builder, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
