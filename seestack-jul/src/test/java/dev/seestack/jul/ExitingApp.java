package dev.seestack.jul;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run in a child JVM: logs 95 INFO records and 5 SEVERE records with exceptions, then ends without flushing
 * or closing anything, by returning from main or (argument {@code exit}) through {@code System.exit(0)}.
 */
public final class ExitingApp {
    static final int INFO_EVENTS = 95;
    static final int SEVERE_EVENTS = 5;

    private ExitingApp() {
    }

    public static void main(String[] args) {
        Logger log = Logger.getLogger("app.exiting");
        for (int i = 0; i < INFO_EVENTS; i++) {
            log.log(Level.INFO, "event {0}", i);
        }
        for (int i = 0; i < SEVERE_EVENTS; i++) {
            log.log(Level.SEVERE, "failure " + i, new IllegalStateException("boom " + i));
        }
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(0);
        }
    }
}
