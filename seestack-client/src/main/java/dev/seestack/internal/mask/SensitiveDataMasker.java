package dev.seestack.internal.mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Privacy rules applied to every payload before it leaves the process (documented in the README):
 * <ul>
 *   <li>metadata entries whose key contains password, passwd, secret, token, key, authorization,
 *       credential or cookie (any case, so also {@code api_key}, {@code accessToken}) become {@code [MASKED]};</li>
 *   <li>JDBC URLs become {@code jdbc:[MASKED]} and the {@code user:password@} part of any URL becomes
 *       {@code [MASKED]@}, in messages and metadata strings;</li>
 *   <li>{@code password=…}, {@code token: …} style pairs inside text keep the name and mask the value;</li>
 *   <li>in error messages and error metadata that contain SQL, string and number literals become {@code ?}.</li>
 * </ul>
 */
public final class SensitiveDataMasker {
    public static final String MASK = "[MASKED]";

    private static final String[] SENSITIVE_KEY_PARTS = {
        "password", "passwd", "secret", "token", "key", "authorization", "credential", "cookie"
    };
    /** Words one of which every SECRET_PAIR / SQL_HINT match contains: the regexes only run when one is present. */
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "authorization"};
    private static final String[] SQL_WORDS = {"select", "insert", "update", "delete", "merge", "where"};
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[A-Za-z0-9_+.-]+:[^\\s'\"<>]*");
    private static final Pattern URL_USERINFO =
            Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/@'\"<>]+@");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|authorization)(\\s*[=:]\\s*)"
                    + "(?!\\[MASKED\\])(\"[^\"]*\"|'[^']*'|[^\\s,;&'\"]+)");
    private static final Pattern SQL_HINT =
            Pattern.compile("(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|merge\\s+into|\\swhere\\s)");
    private static final Pattern SQL_NUMBER_LITERAL = Pattern.compile("(?<![\\w.$:])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    /** Whether a metadata key names a secret. */
    public boolean isSensitiveKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (String part : SENSITIVE_KEY_PARTS) {
            if (k.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Masks connection strings and secret pairs in free text (log messages, metadata strings). */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf("jdbc:") >= 0) {
            s = JDBC_URL.matcher(s).replaceAll("jdbc:" + Matcher.quoteReplacement(MASK));
        }
        if (s.indexOf('@') >= 0 && s.contains("://")) {
            s = URL_USERINFO.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        }
        if ((s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && containsAny(s, SECRET_WORDS)) {
            s = SECRET_PAIR.matcher(s).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        return s;
    }

    /** Whether {@code s} contains one of {@code words} (lower-case ASCII), ignoring case; a cheap pre-check. */
    private static boolean containsAny(String s, String[] words) {
        int len = s.length();
        for (String w : words) {
            int wl = w.length();
            for (int i = 0; i + wl <= len; i++) {
                if (s.regionMatches(true, i, w, 0, wl)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #maskText} plus SQL literal replacement, for error messages and error metadata. */
    public String maskErrorText(String text) {
        String s = maskText(text);
        if (s != null && containsAny(s, SQL_WORDS) && SQL_HINT.matcher(s).find()) {
            s = replaceSqlStringLiterals(s);
            s = SQL_NUMBER_LITERAL.matcher(s).replaceAll("?");
        }
        return s;
    }

    /**
     * Replaces each SQL string literal ({@code '...'}, with {@code ''} as an escaped quote) by {@code ?}. A linear
     * scan rather than the regex {@code '(?:[^']|'')*'}, whose recursion per character overflows the stack on a
     * long literal; an unterminated literal is left as it is.
     */
    static String replaceSqlStringLiterals(String s) {
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

    /** A masked copy of a sanitized metadata tree; {@code sqlAware} also applies the SQL rule to strings. */
    public Map<String, Object> maskMetadata(Map<String, Object> metadata, boolean sqlAware) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            out.put(e.getKey(), isSensitiveKey(e.getKey()) && e.getValue() != null
                    ? MASK : maskValue(e.getValue(), sqlAware));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object maskValue(Object value, boolean sqlAware) {
        if (value instanceof String) {
            return sqlAware ? maskErrorText((String) value) : maskText((String) value);
        }
        if (value instanceof Map) {
            return maskMetadata((Map<String, Object>) value, sqlAware);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                out.add(maskValue(item, sqlAware));
            }
            return out;
        }
        return value;
    }
}
