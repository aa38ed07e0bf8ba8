package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.spring.boot.SeeStackProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Turns the {@code seestack.*} properties into the SDK's configuration. Unset options fall back to
 * {@code SEESTACK_*} names looked up in Spring's {@code Environment} (environment variables, or properties of
 * those names). The starter closes the client itself, so the SDK's own JVM shutdown hook is off.
 */
final class StarterConfig {
    private static final Map<String, String> PROPERTY_OF_OPTION = Map.of("'apiKey'", "seestack.api-key",
            "'host'", "seestack.host");

    private StarterConfig() {
    }

    static SeeStackProperties bind(Environment environment) {
        return Binder.get(environment).bind("seestack", SeeStackProperties.class).orElseGet(SeeStackProperties::new);
    }

    /**
     * The configuration, or an {@link IllegalArgumentException} whose message names the {@code seestack.*}
     * property that is missing or invalid.
     */
    static SeeStackConfig build(SeeStackProperties p, Environment environment) {
        try {
            return SeeStackConfig.builder(environment::getProperty)
                    .apiKey(p.getApiKey())
                    .host(p.getHost())
                    .environment(p.getEnvironment())
                    .release(p.getRelease())
                    .projectId(p.getProjectId())
                    .flagsToken(p.getFlagsToken())
                    .flushIntervalMs(p.getFlushIntervalMs())
                    .bufferSize(p.getBufferSize())
                    .debug(p.isDebug())
                    .flagCacheTtlMs(p.getFlagCacheTtlMs())
                    .shutdownHook(false)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inPropertyTerms(e.getMessage()), e);
        }
    }

    private static String inPropertyTerms(String message) {
        String m = message == null ? "SeeStack: invalid configuration" : message;
        for (Map.Entry<String, String> e : PROPERTY_OF_OPTION.entrySet()) {
            m = m.replace("option " + e.getKey(), "property '" + e.getValue() + "'");
        }
        return m;
    }
}
