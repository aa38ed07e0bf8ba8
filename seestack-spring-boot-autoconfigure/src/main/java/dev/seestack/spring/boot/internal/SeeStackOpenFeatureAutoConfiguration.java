package dev.seestack.spring.boot.internal;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.seestack.SeeStackClient;
import dev.seestack.openfeature.SeeStackFeatureProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With the OpenFeature SDK and {@code dev.seestack:seestack-openfeature} on the class path, the starter's client
 * answers OpenFeature's default provider ({@code seestack.openfeature.enabled=false} turns it off; an application's
 * own {@link SeeStackFeatureProvider} bean is used instead of a new one).
 */
@AutoConfiguration(after = SeeStackAutoConfiguration.class)
@ConditionalOnClass(name = {"dev.openfeature.sdk.OpenFeatureAPI", "dev.seestack.openfeature.SeeStackFeatureProvider"})
@ConditionalOnBean(SeeStackClient.class)
@ConditionalOnProperty(prefix = "seestack.openfeature", name = "enabled", matchIfMissing = true)
public class SeeStackOpenFeatureAutoConfiguration {
    /** The provider over the starter's client, set as OpenFeature's default provider. */
    @Bean
    @ConditionalOnMissingBean
    SeeStackFeatureProvider seeStackFeatureProvider(SeeStackClient client) {
        SeeStackFeatureProvider provider = new SeeStackFeatureProvider(client);
        try {
            OpenFeatureAPI.getInstance().setProvider(provider);
        } catch (RuntimeException | LinkageError e) {
            // never prevents startup: flags answer OpenFeature's defaults instead
            System.err.println("[seestack] WARN SeeStack: could not register the OpenFeature provider: " + e);
        }
        return provider;
    }
}
