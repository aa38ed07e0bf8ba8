package dev.seestack.internal.json;

/**
 * "Blank" as the backend's validator means it: nothing left after removing every leading and trailing
 * character {@code <= U+0020} (so {@code "\u0001"} and {@code "\u0000"} are blank, {@code "\u00a0"} is not).
 * The one definition used for every field the SDK sends.
 */
public final class BlankText {
    private BlankText() {
    }

    /** Whether {@code s} is null or made only of characters {@code <= U+0020}. */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** {@code s} without leading and trailing characters {@code <= U+0020} ({@link String#trim()}); null stays null. */
    public static String strip(String s) {
        return s == null ? null : s.trim();
    }
}
