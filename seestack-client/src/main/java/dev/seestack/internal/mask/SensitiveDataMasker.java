package dev.seestack.internal.mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>path parameters ({@code /owners/11;jsessionid=…}) named {@code jsessionid} or a secret key get the value
 *       {@code [FILTERED]};</li>
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

    /** Words one of which every SECRET_PAIR match contains: the regex only runs when one is present. */
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "authorization"};
    private static final String[] HEADER_WORDS = {"authorization", "cookie"};
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization|set-cookie|cookie)(\\s*:\\s*)(?!\\[MASKED\\])[^\\r\\n]+");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[A-Za-z0-9_+.-]+:[^\\s'\"<>]*");
    private static final Pattern URL_USERINFO =
            Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/@'\"<>]*@");
    private static final Pattern URL_WITH_USERINFO =
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/@'\"<>]*@[^\\s'\"<>]*");
    private static final Pattern QUERY_PARAM = Pattern.compile("([?&])([A-Za-z0-9_.\\-]+)=([^&#\\s'\"<>]*)");
    /** A path segment followed by its {@code ;name=value} parameters (group 1: the parameters). */
    private static final Pattern PATH_PARAMS = Pattern.compile("/[^\\s/;?#'\"<>]*(;[^\\s/?#'\"<>]*)");
    private static final Pattern PATH_PARAM = Pattern.compile(";([A-Za-z0-9_.\\-]+)=([^;]*)");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|authorization)(\\s*[=:]\\s*)"
                    + "(?!\\[MASKED\\]|\\[FILTERED\\])(\"[^\"]*\"|'[^']*'|[^\\s,;&'\"]+)");

    /** How many metadata keys' verdicts are remembered (keys repeat: a few dozen names in most applications). */
    private static final int MAX_KEY_VERDICTS = 1024;

    /** Whether each key seen names a secret, so a key is split into words once, not per event. */
    private final Map<String, Boolean> keyVerdicts = new ConcurrentHashMap<>();

    /** Whether a metadata key names a secret, matching whole words of the key (see the class comment). */
    public boolean isSensitiveKey(String key) {
        if (key == null) {
            return false;
        }
        Boolean known = keyVerdicts.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = SecretKeyNames.isSecret(key);
        if (keyVerdicts.size() < MAX_KEY_VERDICTS) {
            keyVerdicts.put(key, secret);
        }
        return secret;
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
            s = KeyValueConnectionStrings.maskWhole(s);
        }
        if (s.indexOf('=') >= 0 && (s.indexOf('?') >= 0 || s.indexOf('&') >= 0)) {
            s = QUERY_PARAM.matcher(s).replaceAll(m -> SecretKeyNames.isSecretQueryName(m.group(2))
                    ? Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + FILTERED)
                    : Matcher.quoteReplacement(m.group()));
        }
        if (s.indexOf(';') >= 0 && s.indexOf('=') >= 0 && s.indexOf('/') >= 0) {
            s = PATH_PARAMS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    m.group().substring(0, m.start(1) - m.start()) + filterPathParams(m.group(1))));
        }
        if ((s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && containsAny(s, SECRET_WORDS)) {
            s = SECRET_PAIR.matcher(s).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        return s;
    }

    /** {@code ;name=value} parameters of one path segment, the values of session ids and secret names filtered. */
    private static String filterPathParams(String params) {
        return PATH_PARAM.matcher(params).replaceAll(m -> SecretKeyNames.isSecretPathParameter(m.group(1))
                ? Matcher.quoteReplacement(";" + m.group(1) + "=" + FILTERED)
                : Matcher.quoteReplacement(m.group()));
    }

    /**
     * Whether {@code s} contains one of {@code words} (lower-case ASCII letters), ignoring case; a cheap pre-check:
     * the first letter is compared before the rest.
     */
    static boolean containsAny(String s, String[] words) {
        int len = s.length();
        for (String w : words) {
            int wl = w.length();
            char first = w.charAt(0);
            for (int i = 0; i + wl <= len; i++) {
                if ((s.charAt(i) | 0x20) == first && s.regionMatches(true, i, w, 0, wl)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The error variant of {@link #maskText} (connection strings replaced whole) plus SQL literal replacement, for error messages and error metadata. */
    public String maskErrorText(String text) {
        return SqlLiterals.mask(mask(text, true));
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
