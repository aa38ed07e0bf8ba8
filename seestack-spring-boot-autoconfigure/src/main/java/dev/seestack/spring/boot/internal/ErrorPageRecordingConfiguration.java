package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.servlet.jakarta.SeeStackRequestListener;
import dev.seestack.servlet.jakarta.SeeStackServletFilter;
import dev.seestack.spring.boot.SeeStackProperties;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests that end in Boot's error page: the SeeStack filter also sees the ERROR dispatch (at the same order as
 * on the REQUEST dispatch) and the request listener completes what no error page finished, so the inbound item
 * carries the page's final status, bytes and duration, and Tomcat's log line of the exception the trace id.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageRecordingConfiguration {
    @Bean
    FilterRegistrationBean<SeeStackServletFilter> seeStackErrorDispatchFilter(SeeStackClient client,
            SeeStackProperties properties) {
        FilterRegistrationBean<SeeStackServletFilter> registration =
                new FilterRegistrationBean<>(new SeeStackServletFilter(client));
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        registration.setOrder(properties.getWeb().getFilterOrder());
        return registration;
    }

    @Bean
    SeeStackRequestListener seeStackRequestListener() {
        return new SeeStackRequestListener();
    }
}
