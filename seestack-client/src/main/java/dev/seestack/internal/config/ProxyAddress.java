package dev.seestack.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code proxy} option, {@code http://[user:password@]host:port}, parsed: an HTTP forward proxy (absolute-form
 * requests for http hosts, a {@code CONNECT} tunnel for https hosts), optionally with Basic credentials.
 */
public final class ProxyAddress {
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private ProxyAddress(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException naming the option (never the credentials) when it is not such a URL
     */
    public static ProxyAddress parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw invalid(value, "the scheme must be http:// (the JDK HTTP client speaks plain HTTP to a proxy)");
        }
        if (uri.getHost() == null) {
            throw invalid(value, "no host");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw invalid(value, "a proxy URL has no path or query");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxyAddress(host, port, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("SeeStack: option 'proxy' must look like http://[user:password@]host:port ("
                + why + "), was: " + redacted(value));
    }

    /** The value with any credentials replaced, for messages and toString. */
    public static String redacted(String value) {
        int at = value.lastIndexOf('@');
        int scheme = value.indexOf("://");
        return at > scheme && scheme >= 0 ? value.substring(0, scheme + 3) + "[REDACTED]@" + value.substring(at + 1) : value;
    }

    /** Host name or literal (IPv6 without brackets). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Proxy user, or null without credentials. */
    public String user() {
        return user;
    }

    /** Proxy password (empty when only a user was given), or null without credentials. */
    public String password() {
        return password;
    }

    public boolean hasCredentials() {
        return user != null;
    }
}
