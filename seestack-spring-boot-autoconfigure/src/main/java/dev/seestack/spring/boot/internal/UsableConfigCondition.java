package dev.seestack.spring.boot.internal;

import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.spring.boot.SeeStackProperties;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code seestack.enabled} is not false and the configuration is usable. An unusable one (missing
 * or invalid key or host) does not stop the application: it gets one warning on stderr naming the property, and
 * no SeeStack bean is created, so the SDK stays a no-op.
 */
public final class UsableConfigCondition extends SpringBootCondition {
    private static final Map<Environment, Set<String>> WARNED = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        SeeStackProperties properties = StarterConfig.bind(environment);
        if (!properties.isEnabled()) {
            return ConditionOutcome.noMatch("seestack.enabled is false");
        }
        try {
            StarterConfig.build(environment);
            return ConditionOutcome.match("SeeStack configuration is usable");
        } catch (IllegalArgumentException e) {
            warnOnce(environment, e.getMessage() + "; the SDK is off, the application runs without it");
            return ConditionOutcome.noMatch(e.getMessage());
        }
    }

    private static void warnOnce(Environment environment, String message) {
        if (WARNED.computeIfAbsent(environment, k -> ConcurrentHashMap.newKeySet()).add(message)) {
            DiagnosticSink.STDERR.report("WARN", message);
        }
    }
}
