package dev.seestack.spring.boot;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.util.ClassUtils;

/** {@link TracerTraceIdTests} with {@code micrometer-tracing-bridge-otel} (the surefire execution otel-tracing). */
@EnabledIf("otelIsTheTracer")
class OtelTraceIdTest extends TracerTraceIdTests {
    /** The bridge is on the classpath only in its own surefire execution. */
    static boolean otelIsTheTracer() {
        return ClassUtils.isPresent("io.micrometer.tracing.otel.bridge.OtelTracer", null);
    }
}
