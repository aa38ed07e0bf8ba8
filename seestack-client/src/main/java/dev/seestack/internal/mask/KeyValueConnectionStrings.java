package dev.seestack.internal.mask;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code key=value;} connection strings of {@link SensitiveDataMasker} (ADO.NET / ODBC style, such as
 * {@code Server=x;User Id=sa;Password=p;}): in error text each one holding a password is replaced whole.
 */
final class KeyValueConnectionStrings {
    private static final Pattern ADO_PASSWORD = Pattern.compile("(?i)\\b(?:password|pwd)\\s*=");
    private static final Set<String> TWO_WORD_KEY_STARTS = new HashSet<>(Arrays.asList(
            "data", "user", "initial", "integrated", "persist", "application", "connection", "multiple", "trust"));

    private KeyValueConnectionStrings() {
    }

    /**
     * Replaces each {@code key=value;} string holding a {@code Password=} or {@code Pwd=} entry, next to a
     * {@code ;}, by {@code [MASKED]}: a linear scan outwards from the password entry over its neighbour entries.
     */
    static String maskWhole(String s) {
        Matcher m = ADO_PASSWORD.matcher(s);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < s.length() && m.find(from)) {
            int keyStart = m.start();
            int valueEnd = indexOfAny(s, m.end(), ";\r\n\"'<>");
            boolean semicolonAfter = valueEnd < s.length() && s.charAt(valueEnd) == ';';
            int left = keyStart;
            int p = keyStart - 1;
            while (p >= 0 && s.charAt(p) == ' ') {
                p--;
            }
            boolean semicolonBefore = p >= 0 && s.charAt(p) == ';';
            if (!semicolonAfter && !semicolonBefore || keyStart < copied) {
                from = m.end();
                continue;
            }
            // leftwards over entries "name=value;"
            while (p >= 0 && s.charAt(p) == ';') {
                int segStart = p;
                while (segStart > 0 && ";\r\n\"'<>".indexOf(s.charAt(segStart - 1)) < 0) {
                    segStart--;
                }
                int eq = s.lastIndexOf('=', p);
                if (eq < segStart) {
                    break;
                }
                int k = eq;
                while (k > segStart && isKeyChar(s.charAt(k - 1))) {
                    k--;
                }
                while (k < eq && s.charAt(k) == ' ') {
                    k++;
                }
                if (k == eq) {
                    break;
                }
                left = k;
                p = segStart - 1;
                while (p >= 0 && s.charAt(p) == ' ') {
                    p--;
                }
                if (k != segStart || p < 0 || s.charAt(p) != ';') {
                    left = firstEntryKeyStart(s, k, eq);
                    break; // text before the first entry is not part of the string
                }
            }
            // rightwards over entries "name=value;"
            int right = valueEnd;
            while (right < s.length() && s.charAt(right) == ';') {
                right++;
                int next = indexOfAny(s, right, ";\r\n\"'<>");
                int eq = s.indexOf('=', right);
                if (eq < 0 || eq >= next || !isEntryKey(s, right, eq)) {
                    break;
                }
                if (next == s.length() || s.charAt(next) != ';') {
                    int space = indexOfAny(s, eq, " \t");
                    next = Math.min(next, space); // a last entry without ';' ends at a blank
                }
                right = next;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, left).append(SensitiveDataMasker.MASK);
            copied = right;
            from = right;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The first entry's name: its last word, or its last two when they form a two-word name like {@code Data Source}. */
    private static int firstEntryKeyStart(String s, int from, int eq) {
        int end = eq;
        while (end > from && s.charAt(end - 1) == ' ') {
            end--;
        }
        int last = s.lastIndexOf(' ', end - 1);
        if (last < from) {
            return from;
        }
        int prevStart = s.lastIndexOf(' ', last - 1) + 1;
        if (prevStart < from) {
            prevStart = from;
        }
        String prev = s.substring(prevStart, last).toLowerCase(Locale.ROOT);
        return TWO_WORD_KEY_STARTS.contains(prev) ? prevStart : last + 1;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' || c == '_';
    }

    private static boolean isEntryKey(String s, int from, int eq) {
        boolean letter = false;
        for (int i = from; i < eq; i++) {
            char c = s.charAt(i);
            if (!isKeyChar(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
