package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Adds {@link OutboundRecordingInterceptor} to every {@code RestClient.Builder} bean (Boot's auto-configured
 * builder, on Boot 3 and 4) and every {@code RestTemplate} bean, whichever builder made it.
 */
final class OutboundClientPostProcessor implements BeanPostProcessor {
    private final ObjectProvider<SeeStackClient> client;
    private volatile OutboundRecordingInterceptor interceptor;

    OutboundClientPostProcessor(ObjectProvider<SeeStackClient> client) {
        this.client = client;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RestClient.Builder) {
            OutboundRecordingInterceptor i = interceptor();
            if (i != null) {
                ((RestClient.Builder) bean).requestInterceptors(list -> {
                    if (list.stream().noneMatch(OutboundRecordingInterceptor.class::isInstance)) {
                        list.add(0, i);
                    }
                });
            }
        } else if (bean instanceof RestTemplate) {
            OutboundRecordingInterceptor i = interceptor();
            RestTemplate template = (RestTemplate) bean;
            if (i != null && template.getInterceptors().stream().noneMatch(OutboundRecordingInterceptor.class::isInstance)) {
                template.getInterceptors().add(0, i);
            }
        }
        return bean;
    }

    private OutboundRecordingInterceptor interceptor() {
        OutboundRecordingInterceptor i = interceptor;
        if (i == null) {
            SeeStackClient c = client.getIfAvailable();
            if (c == null) {
                return null;
            }
            i = new OutboundRecordingInterceptor(c);
            interceptor = i;
        }
        return i;
    }
}
