package dev.seestack.internal.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The key-name rules of {@link SensitiveDataMasker}: which metadata keys and query parameter names name a secret,
 * judged on whole words of the name (split at camelCase and non-alphanumerics), never on substrings.
 */
final class SecretKeyNames {
    private static final Set<String> SECRET_KEY_WORDS = new HashSet<>(Arrays.asList(
            "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "authorization", "cookie",
            "credential", "credentials", "apikey", "accesstoken", "refreshtoken", "authtoken", "idtoken",
            "clientsecret", "privatekey", "secretkey", "accesskey", "setcookie", "sessiontoken"));
    private static final Set<String> KEY_QUALIFIERS = new HashSet<>(Arrays.asList(
            "api", "private", "secret", "access", "signing", "encryption"));

    private SecretKeyNames() {
    }

    /** Whether a metadata key names a secret: a secret word, or {@code key} after api/private/secret/... */
    static boolean isSecret(String key) {
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
    static boolean isSecretQueryName(String name) {
        return isSecret(name) || words(name).contains("key");
    }

    /** Whether a path parameter's value is filtered: the servlet session id ({@code jsessionid}), or a secret key. */
    static boolean isSecretPathParameter(String name) {
        return "jsessionid".equalsIgnoreCase(name) || isSecret(name);
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
}
