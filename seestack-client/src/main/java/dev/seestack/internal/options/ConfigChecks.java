package dev.seestack.internal.options;

import dev.seestack.internal.config.ProxyAddress;
import dev.seestack.internal.spi.ClientOverride;
import dev.seestack.internal.spi.ClientOverrides;
import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The checks a configuration passes before a client starts: environment-variable fallbacks of unset options,
 * the required options, the host URL, header-safe secrets and the proxy address.
 */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    /**
     * A copy of {@code values} with unset options taken from {@code env}.
     *
     * @throws IllegalArgumentException naming the option that is missing or invalid
     */
    public static OptionValues resolve(OptionValues values, UnaryOperator<String> env) {
        OptionValues r = values.copy();
        for (Option o : Option.values()) {
            if (r.isSet(o) && (o.kind() == Option.Kind.STRING || o.kind() == Option.Kind.SECRET)
                    && !"".equals(r.get(o))) {
                r.put(o, trimToNull((String) r.get(o)));
            }
            if (o.env() != null && !r.isSet(o)) {
                r.putText(o, trimToNull(env.apply(o.env())));
            }
        }
        if (ClientOverrides.installed() != null) {
            // a test class path delivers to memory: the application's test run needs no key or host of its own
            if (!r.isSet(Option.API_KEY)) {
                r.put(Option.API_KEY, ClientOverride.PLACEHOLDER_API_KEY);
            }
            if (!r.isSet(Option.HOST)) {
                r.put(Option.HOST, ClientOverride.PLACEHOLDER_HOST);
            }
            if (!r.isSet(Option.PROJECT_ID)) {
                r.put(Option.PROJECT_ID, ClientOverride.PLACEHOLDER_PROJECT_ID);
            }
        }
        String key = r.string(Option.API_KEY);
        if (key == null) {
            throw new IllegalArgumentException("SeeStack: option 'apiKey' is required (or set SEESTACK_API_KEY)");
        }
        requireHeaderSafe("apiKey", key);
        String host = r.string(Option.HOST);
        if (host == null) {
            throw new IllegalArgumentException("SeeStack: option 'host' is required (or set SEESTACK_HOST)");
        }
        r.put(Option.HOST, normaliseHost(host));
        String flagsToken = r.string(Option.FLAGS_TOKEN);
        if (flagsToken != null) {
            requireHeaderSafe("flagsToken", flagsToken);
        }
        String proxy = r.string(Option.PROXY);
        if (proxy != null) {
            ProxyAddress.parse(proxy);
        }
        return r;
    }

    /** Secrets go into a request header: a CR/LF there would start a new header, so it is refused. */
    private static void requireHeaderSafe(String option, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                // the value is a secret: name the position and the character, never the value
                throw new IllegalArgumentException("SeeStack: option '" + option + "' contains a control character"
                        + String.format(" (U+%04X) at position %d; a line break often comes from a secret", (int) c, i)
                        + " file or variable with an extra line: remove it");
            }
        }
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String normaliseHost(String raw) {
        String url = raw;
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("SeeStack: option 'host' is not a URL: " + raw);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "SeeStack: option 'host' must be an http(s) URL such as https://seestack.example.com, was: "
                            + raw);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("SeeStack: option 'host' must not carry a query or fragment: " + raw);
        }
        return url;
    }
}
