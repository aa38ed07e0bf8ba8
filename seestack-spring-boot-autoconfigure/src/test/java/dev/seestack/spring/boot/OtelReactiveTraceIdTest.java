package dev.seestack.spring.boot;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@link ReactiveTracerTraceIdTests} with {@code micrometer-tracing-bridge-otel} (surefire execution otel-tracing) and
 * Boot's default Reactor context propagation: the tracer's span is not on the filter's thread.
 */
@EnabledIf("dev.seestack.spring.boot.OtelTraceIdTest#otelIsTheTracer")
class OtelReactiveTraceIdTest extends ReactiveTracerTraceIdTests {
}
