package dev.seestack.internal.transport;

import java.net.InetSocketAddress;
import java.net.URI;

/** One URL split the way the engine needs it: the origin to connect to, the Host header and the request target. */
final class Endpoint {
    private final boolean https;
    private final String host;
    private final int port;
    private final String authority;
    private final String target;
    /** Scheme and authority, lower case: the pool key every request looks up (built once, not per request). */
    private final String origin;

    private Endpoint(boolean https, String host, int port, String authority, String target) {
        this.https = https;
        this.host = host;
        this.port = port;
        this.authority = authority;
        this.target = target;
        this.origin = (https ? "https://" : "http://") + authority.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code url}: http(s)://host[:port][/path][?query]; an IPv6 literal in brackets. */
    static Endpoint parse(String url) {
        URI uri = URI.create(url);
        String scheme = String.valueOf(uri.getScheme());
        boolean https = scheme.equalsIgnoreCase("https");
        if (!https && !scheme.equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String target = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Endpoint(https, host, port, authority, target);
    }

    /** This endpoint's target with {@code path} appended (a host's path prefix kept). */
    String target(String path) {
        String base = target.endsWith("/") && path.startsWith("/") ? target.substring(0, target.length() - 1) : target;
        return base + path;
    }

    /** The target as an absolute URL, as a forward proxy needs it for plain http. */
    String absolute(String target) {
        return (https ? "https://" : "http://") + authority + target;
    }

    String target() {
        return target.isEmpty() ? "/" : target;
    }

    boolean https() {
        return https;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** The Host header: host and port as written in the URL. */
    String authority() {
        return authority;
    }

    /** Scheme, host and port: which connections may carry requests to this endpoint. */
    String origin() {
        return origin;
    }

    /** The address to connect to, unresolved (resolved on connect, or by a proxy). */
    InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return origin();
    }
}
