package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.reactive.function.client.WebClient;

/** Adds {@link WebClientRecordingFilter} to every {@code WebClient.Builder} bean (Boot's, on Boot 3 and 4). */
final class WebClientPostProcessor implements BeanPostProcessor {
    private final ObjectProvider<SeeStackClient> client;

    WebClientPostProcessor(ObjectProvider<SeeStackClient> client) {
        this.client = client;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebClient.Builder) {
            SeeStackClient c = client.getIfAvailable();
            if (c != null) {
                ((WebClient.Builder) bean).filters(filters -> {
                    if (filters.stream().noneMatch(WebClientRecordingFilter.class::isInstance)) {
                        filters.add(0, new WebClientRecordingFilter(c));
                    }
                });
            }
        }
        return bean;
    }
}
