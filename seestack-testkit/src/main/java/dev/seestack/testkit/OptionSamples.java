package dev.seestack.testkit;

/**
 * A usable, non-default sample for each row of the SDK's option table: the text a configuration file (or the
 * builder) is given, and the typed value the option then holds. The option-table test and every adapter's
 * "every option is settable" test use these same samples. The testkit does not depend on the client, so an
 * option comes as its kind ({@code LONG}, {@code INT}, {@code BOOLEAN}, {@code LEVEL}; any other is text), its
 * default and its name.
 */
public final class OptionSamples {
    private OptionSamples() {
    }

    /** The sample text of an option; numbers valid for every numeric option, {@code levelText} for a level. */
    public static String text(Enum<?> kind, Object defaultValue, String optionName, String levelText) {
        switch (kind.name()) {
            case "LONG":
            case "INT":
                return "70000";
            case "BOOLEAN":
                return String.valueOf(!(Boolean) defaultValue);
            case "LEVEL":
                return levelText;
            default:
                return "sample-" + optionName;
        }
    }

    /** The value an option holds once set from {@link #text}; {@code level} is what the level text stands for. */
    public static Object value(Enum<?> kind, Object defaultValue, String optionName, Object level) {
        switch (kind.name()) {
            case "LONG":
                return 70000L;
            case "INT":
                return 70000;
            case "BOOLEAN":
                return !(Boolean) defaultValue;
            case "LEVEL":
                return level;
            default:
                return "sample-" + optionName;
        }
    }
}
