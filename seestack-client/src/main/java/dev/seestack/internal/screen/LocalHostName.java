package dev.seestack.internal.screen;

import java.net.InetAddress;

/** The local host name, looked up once (the lookup may consult DNS); empty when it cannot be found. */
public final class LocalHostName {
    private static volatile String name;

    private LocalHostName() {
    }

    public static String get() {
        String n = name;
        if (n == null) {
            n = lookUp();
            name = n;
        }
        return n;
    }

    private static String lookUp() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception | LinkageError e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "" : env.strip();
        }
    }
}
