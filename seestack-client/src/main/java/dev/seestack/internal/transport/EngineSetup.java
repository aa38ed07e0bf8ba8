package dev.seestack.internal.transport;

import io.netty.util.ResourceLeakDetector;

/**
 * Settings the engine needs before any of its classes initialise: its log lines routed away from the
 * application's logger ({@link EngineLogging}), no {@code sun.misc.Unsafe} on JDK 24+ (where using it prints
 * JEP 471/498 warnings on stderr) and no leak detector (a sampling cost on every buffer). The property names
 * are those of the relocated copy inside the SDK's jar, so an application's own Netty is not affected.
 */
final class EngineSetup {
    private EngineSetup() {
    }

    static void beforeFirstUse() {
        if (Runtime.version().feature() >= 24) {
            defaultProperty("io.netty.noUnsafe", "true");
            // the selector's key set optimisation needs Unsafe or deep reflection there
            defaultProperty("io.netty.noKeySetOptimization", "true");
        }
        EngineLogging.install();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }

    /** Sets {@code name} unless the JVM was started with it (an operator's choice wins). */
    private static void defaultProperty(String name, String value) {
        try {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        } catch (SecurityException e) {
            // a security manager forbids it: the engine runs with its defaults
        }
    }
}
