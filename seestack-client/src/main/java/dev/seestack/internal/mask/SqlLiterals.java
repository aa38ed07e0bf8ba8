package dev.seestack.internal.mask;

import java.util.regex.Pattern;

/** The SQL rule of {@link SensitiveDataMasker}: in error text that holds SQL, string and number literals become {@code ?}. */
final class SqlLiterals {
    /** Words one of which every SQL_HINT match contains: the regex only runs when one is present. */
    private static final String[] SQL_WORDS = {"select", "insert", "update", "delete", "merge", "where"};
    private static final Pattern SQL_HINT =
            Pattern.compile("(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|merge\\s+into|\\swhere\\s)");
    private static final Pattern SQL_NUMBER_LITERAL = Pattern.compile("(?<![\\w.$:])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    private SqlLiterals() {
    }

    /** {@code s} with its literals replaced when it looks like SQL; else {@code s} itself. Null stays null. */
    static String mask(String s) {
        if (s != null && SensitiveDataMasker.containsAny(s, SQL_WORDS) && SQL_HINT.matcher(s).find()) {
            return SQL_NUMBER_LITERAL.matcher(replaceStringLiterals(s)).replaceAll("?");
        }
        return s;
    }

    /**
     * Replaces each SQL string literal ({@code '...'}, with {@code ''} as an escaped quote) by {@code ?}. A linear
     * scan rather than the regex {@code '(?:[^']|'')*'}, whose recursion per character overflows the stack on a
     * long literal; an unterminated literal is left as it is.
     */
    static String replaceStringLiterals(String s) {
        int open = s.indexOf('\'');
        if (open < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        while (open >= 0) {
            int i = open + 1;
            int close = -1;
            while (i < s.length()) {
                if (s.charAt(i) == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    close = i;
                    break;
                }
                i++;
            }
            if (close < 0) {
                break;
            }
            out.append(s, copied, open).append('?');
            copied = close + 1;
            open = s.indexOf('\'', copied);
        }
        return out.append(s, copied, s.length()).toString();
    }
}
