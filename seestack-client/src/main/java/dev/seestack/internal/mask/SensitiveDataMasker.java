package dev.seestack.internal.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule set applied to every payload before it leaves the process (documented in the README):
 * <ul>
 *   <li>metadata keys (also MDC entries and key-value pairs) are split into words at camelCase, {@code _},
 *       {@code -}, {@code .} and spaces; a key is secret when a word is password, passwd, pwd, passphrase,
 *       secret, token, auth, authorization, cookie, credential(s), or a compound such as apikey, accesstoken,
 *       or {@code key} preceded by api/private/secret/access/signing/encryption. Its value becomes
 *       {@code [MASKED]}. {@code primaryKey}, {@code cacheKey}, {@code tokenizer} are kept;</li>
 *   <li>in text, the whole value after {@code Authorization:}, {@code Proxy-Authorization:}, {@code Cookie:} and
 *       {@code Set-Cookie:} (to the end of the line) becomes {@code [MASKED]};</li>
 *   <li>query parameters whose name is secret or contains the word {@code key} get the value {@code [FILTERED]};</li>
 *   <li>connection strings: in errors a URL of any scheme with {@code user:password@}, a JDBC URL and a
 *       {@code key=value;} string holding a password are replaced whole by {@code [MASKED]}; in logs the
 *       user-info becomes {@code [MASKED]@} and a JDBC URL {@code jdbc:[MASKED]};</li>
 *   <li>{@code password=…}, {@code token: …} style pairs inside text keep the name and mask the value;</li>
 *   <li>in error messages and error metadata that contain SQL, string and number literals become {@code ?}.</li>
 * </ul>
 * Every regex is free of nested quantifiers and runs only after a cheap keyword pre-check.
 */
public final class SensitiveDataMasker {
    public static final String MASK = "[MASKED]";
    public static final String FILTERED = "[FILTERED]";

    private static final Set<String> SECRET_KEY_WORDS = new HashSet<>(Arrays.asList(
            "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "authorization", "cookie",
            "credential", "credentials", "apikey", "accesstoken", "refreshtoken", "authtoken", "idtoken",
            "clientsecret", "privatekey", "secretkey", "accesskey", "setcookie", "sessiontoken"));
    private static final Set<String> KEY_QUALIFIERS = new HashSet<>(Arrays.asList(
            "api", "private", "secret", "access", "signing", "encryption"));
    private static final Set<String> TWO_WORD_KEY_STARTS = new HashSet<>(Arrays.asList(
            "data", "user", "initial", "integrated", "persist", "application", "connection", "multiple", "trust"));
    /** Words one of which every SECRET_PAIR / SQL_HINT match contains: the regexes only run when one is present. */
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "authorization"};
    private static final String[] HEADER_WORDS = {"authorization", "cookie"};
    private static final String[] SQL_WORDS = {"select", "insert", "update", "delete", "merge", "where"};
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization|set-cookie|cookie)(\\s*:\\s*)(?!\\[MASKED\\])[^\\r\\n]+");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[A-Za-z0-9_+.-]+:[^\\s'\"<>]*");
    private static final Pattern URL_USERINFO =
            Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/@'\"<>]*@");
    private static final Pattern URL_WITH_USERINFO =
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/@'\"<>]*@[^\\s'\"<>]*");
    private static final Pattern QUERY_PARAM = Pattern.compile("([?&])([A-Za-z0-9_.\\-]+)=([^&#\\s'\"<>]*)");
    private static final Pattern ADO_PASSWORD = Pattern.compile("(?i)\\b(?:password|pwd)\\s*=");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|authorization)(\\s*[=:]\\s*)"
                    + "(?!\\[MASKED\\]|\\[FILTERED\\])(\"[^\"]*\"|'[^']*'|[^\\s,;&'\"]+)");
    private static final Pattern SQL_HINT =
            Pattern.compile("(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|merge\\s+into|\\swhere\\s)");
    private static final Pattern SQL_NUMBER_LITERAL = Pattern.compile("(?<![\\w.$:])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    /** Whether a metadata key names a secret, matching whole words of the key (see the class comment). */
    public boolean isSensitiveKey(String key) {
        if (key == null) {
            return false;
        }
        List<String> words = words(key);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_KEY_WORDS.contains(w) || w.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a query parameter's value is filtered: a secret key, or any name with the word {@code key}. */
    static boolean isSensitiveQueryName(String name) {
        return new SensitiveDataMasker().isSensitiveKey(name) || words(name).contains("key");
    }

    /** Lower-case words of a key: split at non-alphanumerics and camelCase humps ({@code APIKey} is api, key). */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>(4);
        int n = key.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) {
                    words.add(key.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
                continue;
            }
            if (start >= 0 && Character.isUpperCase(c)) {
                char prev = key.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(key.charAt(i + 1));
                if (!Character.isUpperCase(prev) || nextLower) {
                    words.add(key.substring(start, i).toLowerCase(Locale.ROOT));
                    start = i;
                }
            }
            if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(key.substring(start).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Masks headers, connection strings, query secrets and secret pairs in free text (logs, metadata strings). */
    public String maskText(String text) {
        return mask(text, false);
    }

    private String mask(String text, boolean error) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf(':') >= 0 && containsAny(s, HEADER_WORDS)) {
            s = HEADER.matcher(s).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        if (s.indexOf("jdbc:") >= 0) {
            s = JDBC_URL.matcher(s).replaceAll(Matcher.quoteReplacement(error ? MASK : "jdbc:" + MASK));
        }
        if (s.indexOf('@') >= 0 && s.contains("://")) {
            s = error ? URL_WITH_USERINFO.matcher(s).replaceAll(Matcher.quoteReplacement(MASK))
                    : URL_USERINFO.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        }
        if (error && s.indexOf(';') >= 0 && s.indexOf('=') >= 0 && containsAny(s, new String[] {"pwd", "password"})) {
            s = maskAdoStrings(s);
        }
        if (s.indexOf('=') >= 0 && (s.indexOf('?') >= 0 || s.indexOf('&') >= 0)) {
            s = QUERY_PARAM.matcher(s).replaceAll(m -> isSensitiveQueryName(m.group(2))
                    ? Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + FILTERED)
                    : Matcher.quoteReplacement(m.group()));
        }
        if ((s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && containsAny(s, SECRET_WORDS)) {
            s = SECRET_PAIR.matcher(s).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        return s;
    }

    /**
     * Replaces each {@code key=value;} string holding a {@code Password=} or {@code Pwd=} entry, next to a
     * {@code ;}, by {@code [MASKED]}: a linear scan outwards from the password entry over its neighbour entries.
     */
    static String maskAdoStrings(String s) {
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
            out.append(s, copied, left).append(MASK);
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

    /** The error variant of {@link #maskText} (connection strings replaced whole) plus SQL literal replacement, for error messages and error metadata. */
    public String maskErrorText(String text) {
        String s = mask(text, true);
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
