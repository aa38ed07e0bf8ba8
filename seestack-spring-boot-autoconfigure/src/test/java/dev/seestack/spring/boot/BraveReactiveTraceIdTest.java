package dev.seestack.spring.boot;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ReactiveTracerTraceIdTests} with {@code micrometer-tracing-bridge-brave} (surefire execution brave-tracing)
 * and Reactor context propagation on, as Boot documents it for trace ids in WebFlux logs.
 */
@EnabledIf("dev.seestack.spring.boot.BraveTraceIdTest#braveIsTheTracer")
@TestPropertySource(properties = "spring.reactor.context-propagation=auto")
class BraveReactiveTraceIdTest extends ReactiveTracerTraceIdTests {
}
