package dev.seestack.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Whether the JDK will send Basic proxy credentials inside an https {@code CONNECT} tunnel. It does not by
 * default: {@code jdk.http.auth.tunneling.disabledSchemes=Basic} in {@code conf/net.properties}, read once per
 * JVM. The SDK never changes that JVM-wide setting; it says how to.
 */
public final class ProxyTunnelAuth {
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyTunnelAuth() {
    }

    /** The warning for a configuration whose proxy credentials the JDK would drop, or null. */
    public static String warning(String host, String proxy) {
        if (proxy == null || host == null || !host.regionMatches(true, 0, "https://", 0, 8)
                || !ProxyAddress.parse(proxy).hasCredentials() || !basicDisabled(disabledSchemes())) {
            return null;
        }
        return "the proxy has credentials but this JVM does not send Basic credentials to a proxy for https"
                + " (" + PROPERTY + " lists Basic, the JDK default): start the JVM with -D" + PROPERTY + "= (empty),"
                + " or the proxy will answer 407 and nothing is delivered";
    }

    static boolean basicDisabled(String schemes) {
        return schemes != null && Arrays.stream(schemes.split(","))
                .anyMatch(s -> s.trim().toLowerCase(Locale.ROOT).equals("basic"));
    }

    /** The system property if set, else the JDK's {@code conf/net.properties} value. */
    private static String disabledSchemes() {
        String value = System.getProperty(PROPERTY);
        if (value != null) {
            return value;
        }
        Path file = Paths.get(System.getProperty("java.home", ""), "conf", "net.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | RuntimeException e) {
            return "Basic"; // the documented default
        }
        return p.getProperty(PROPERTY);
    }
}
