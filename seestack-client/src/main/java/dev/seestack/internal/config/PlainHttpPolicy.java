package dev.seestack.internal.config;

import java.net.URI;
import java.util.Locale;

/**
 * When the SDK refuses plain HTTP: in environment {@code production} or {@code prod} (any case) to any host but a
 * loopback one ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), where nothing leaves the machine.
 */
public final class PlainHttpPolicy {
    private PlainHttpPolicy() {
    }

    /** Whether requests to {@code host} (a normalised {@code http(s)://} URL) must be refused in {@code environment}. */
    public static boolean refuses(String environment, String host) {
        if (environment == null || host == null || !isProduction(environment)) {
            return false;
        }
        return host.regionMatches(true, 0, "http://", 0, 7) && !isLoopback(host);
    }

    /** {@code production} or {@code prod}, ignoring case and surrounding blanks. */
    public static boolean isProduction(String environment) {
        String e = environment.trim().toLowerCase(Locale.ROOT);
        return e.equals("production") || e.equals("prod");
    }

    /** Whether the URL's host is a loopback name or literal, decided from the text alone (no DNS look-up). */
    static boolean isLoopback(String url) {
        String h;
        try {
            h = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (h == null) {
            return false;
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || isIpv4Loopback(h);
    }

    private static boolean isIpv4Loopback(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
