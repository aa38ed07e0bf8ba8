package dev.seestack.spring.boot;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.util.ClassUtils;

/** {@link TracerTraceIdTests} with {@code micrometer-tracing-bridge-brave} (the surefire execution brave-tracing). */
@EnabledIf("braveIsTheTracer")
class BraveTraceIdTest extends TracerTraceIdTests {
    /** The bridge is on the classpath only in its own surefire execution. */
    static boolean braveIsTheTracer() {
        return ClassUtils.isPresent("io.micrometer.tracing.brave.bridge.BraveTracer", null);
    }
}
