package dev.seestack.spring.boot.internal;

import dev.seestack.BeforeSend;
import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientAccess;
import dev.seestack.spring.boot.SeeStackProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import dev.seestack.servlet.jakarta.SeeStackServletFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.env.Environment;

/**
 * The starter's root: one {@link SeeStackClient} bean from the {@code seestack.*} properties, installed behind
 * the {@code SeeStack} facade and every appender, flushed when the context stops and closed after its beans are
 * destroyed. Nothing is created when {@code seestack.enabled=false} or the key or host is missing or invalid.
 */
@AutoConfiguration
@Conditional(UsableConfigCondition.class)
@EnableConfigurationProperties(SeeStackProperties.class)
public class SeeStackAutoConfiguration {

    @Bean
    static OwnedClient seeStackClientOwner() {
        return new OwnedClient();
    }

    /**
     * The client; closed by {@link OwnedClient}, not by this bean's own destruction. Release from build info. A
     * {@link BeforeSend} bean is the hook of every kind of event (it tells them apart by {@code event.kind()}).
     */
    @Bean(destroyMethod = "")
    SeeStackClient seeStackClient(SeeStackProperties properties, Environment environment, OwnedClient owner,
            ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git,
            ObjectProvider<BeforeSend> hook) {
        return owner.start(ClientAccess.withHookEverywhere(StarterConfig.build(environment,
                BuildRelease.of(build.getIfAvailable(), git.getIfAvailable())), hook.getIfUnique()));
    }

    /** {@code @SeeStackMonitored} methods report their runs to cron monitors. */
    @Bean
    static MonitoredJobPostProcessor seeStackMonitoredJobs(ObjectProvider<SeeStackClient> client) {
        return new MonitoredJobPostProcessor(client);
    }

    @Bean
    FlushOnStop seeStackFlushOnStop(SeeStackClient client) {
        return new FlushOnStop(client);
    }

    /** Work submitted to Boot's executors carries the submitting request's trace id and user. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.core.task.TaskDecorator")
    static class TaskContextConfiguration {
        @Bean
        @Primary
        @Conditional(SingleTaskDecoratorCondition.class)
        ContextTaskDecorator seeStackTaskDecorator(ObjectProvider<TaskDecorator> decorators) {
            return new ContextTaskDecorator(decorators);
        }
    }

    /** Inbound HTTP monitoring of servlet applications ({@code seestack.web.*}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"jakarta.servlet.Filter", "dev.seestack.servlet.jakarta.SeeStackServletFilter"})
    @ConditionalOnProperty(prefix = "seestack.web", name = "enabled", matchIfMissing = true)
    @Import(ErrorPageRecordingConfiguration.class)
    static class ServletConfiguration {
        @Bean
        OrderedServletFilter seeStackServletFilter(SeeStackClient client, SeeStackProperties properties) {
            return new OrderedServletFilter(new SeeStackServletFilter(client), properties.getWeb().getFilterOrder());
        }

        @Bean
        OrderedServletFilter seeStackPrincipalUserFilter() {
            return new OrderedServletFilter(new PrincipalUserFilter(), PrincipalUserFilter.ORDER);
        }

        /** Unhandled controller exceptions, in Spring MVC applications. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
        @ConditionalOnProperty(prefix = "seestack.web", name = "capture-exceptions", matchIfMissing = true)
        static class MvcConfiguration {
            @Bean
            UnhandledExceptionRecorder seeStackUnhandledExceptionRecorder(SeeStackClient client) {
                return new UnhandledExceptionRecorder(client);
            }
        }
    }

    /** Inbound HTTP monitoring of WebFlux applications ({@code seestack.web.*}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
    @ConditionalOnProperty(prefix = "seestack.web", name = "enabled", matchIfMissing = true)
    static class ReactiveConfiguration {
        @Bean
        ReactiveInboundFilter seeStackWebFilter(SeeStackClient client, SeeStackProperties properties) {
            return new ReactiveInboundFilter(client, properties.getWeb().getFilterOrder(),
                    properties.getWeb().isCaptureExceptions());
        }

        @Bean
        ReactivePrincipalUserFilter seeStackPrincipalUserWebFilter() {
            return new ReactivePrincipalUserFilter();
        }

        /** Requests ending in Boot's error handler are recorded with the page it wrote. */
        @Bean
        static org.springframework.http.server.reactive.HttpHandlerDecoratorFactory seeStackResponseCompletion() {
            return CompletionTrackingResponse.decoratorFactory();
        }

        /** The request's trace id and user in the MDC, where the application propagates the Reactor context. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "io.micrometer.context.ContextRegistry")
        static class ContextPropagationConfiguration {
            ContextPropagationConfiguration() {
                ReactorMdcAccessors.register();
            }
        }
    }

    /** Outbound HTTP monitoring of {@code RestClient} builders and {@code RestTemplate} beans. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.client.RestClient")
    @ConditionalOnProperty(prefix = "seestack.web", name = "outbound", matchIfMissing = true)
    static class OutboundConfiguration {
        @Bean
        static OutboundClientPostProcessor seeStackOutboundClients(ObjectProvider<SeeStackClient> client) {
            return new OutboundClientPostProcessor(client);
        }
    }

    /** Outbound HTTP monitoring of {@code WebClient} builders, when WebFlux is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
    @ConditionalOnProperty(prefix = "seestack.web", name = "outbound", matchIfMissing = true)
    static class WebClientConfiguration {
        @Bean
        static WebClientPostProcessor seeStackWebClients(ObjectProvider<SeeStackClient> client) {
            return new WebClientPostProcessor(client);
        }
    }

    /** Micrometer meters from the client's stats, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {
        @Bean
        StatsMeters seeStackMeters(SeeStackClient client) {
            return new StatsMeters(client);
        }
    }

    /** Actuator health on Boot 3. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3HealthConfiguration {
        @Bean
        Boot3HealthIndicator seeStackHealthIndicator(SeeStackClient client) {
            return new Boot3HealthIndicator(client);
        }
    }

    /** Actuator health on Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4HealthConfiguration {
        @Bean
        Boot4HealthIndicator seeStackHealthIndicator(SeeStackClient client) {
            return new Boot4HealthIndicator(client);
        }
    }

    /** The root-logger appender, when Logback and the SeeStack appender are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext", "dev.seestack.logback.SeeStackAppender"})
    @ConditionalOnProperty(prefix = "seestack.logging", name = "enabled", matchIfMissing = true)
    static class LogbackConfiguration {
        @Bean
        RootAppenderAttachment seeStackRootAppender(Environment environment, SeeStackClient client) {
            return new RootAppenderAttachment(environment);
        }
    }

    /** The root-logger appender, when the application logs through Log4j2 and the SeeStack appender is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.logging.log4j.core.LoggerContext", "dev.seestack.log4j2.SeeStackAppender",
            "org.slf4j.LoggerFactory"})
    @ConditionalOnProperty(prefix = "seestack.logging", name = "enabled", matchIfMissing = true)
    static class Log4j2Configuration {
        @Bean
        Log4j2RootAppenderAttachment seeStackLog4j2RootAppender(Environment environment, SeeStackClient client) {
            return new Log4j2RootAppenderAttachment(environment);
        }
    }
}
