package dev.seestack.spring.boot.internal;

import dev.seestack.spring.boot.SeeStackProperties;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Attaches the starter's root appender (Logback or Log4j2) right after Boot initialises its logging system, so that
 * every line from {@code Starting <App> using Java …} on is kept (in the SDK's pending buffer) until the client
 * exists and then sent; and has {@link ContextEndCloser} keep the appender attached and the client open until the
 * context's last bean is destroyed. Registered in {@code META-INF/spring.factories}, ordered after Boot's
 * {@link LoggingApplicationListener}. Nothing is attached when the configuration is unusable or
 * {@code seestack.enabled} / {@code seestack.logging.enabled} is false, nor when the logging configuration has its
 * own SeeStack appender; nothing here ever stops the application from starting.
 */
public final class LoggingSystemListener implements SmartApplicationListener {
    /** Right after Boot's logging listener, which (re)initialises the logging system on the same events. */
    static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

    private volatile ContextEndCloser closer = new ContextEndCloser();
    private volatile ApplicationContext context;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ContextRefreshedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        try {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                closer = new ContextEndCloser();
                attachIfUsable(prepared.getEnvironment());
            } else if (event instanceof ApplicationContextInitializedEvent initialized) {
                // properties added by context initializers (tests' @DynamicPropertySource) exist from here on
                attachIfUsable(initialized.getApplicationContext().getEnvironment());
            } else if (event instanceof ApplicationPreparedEvent prepared) {
                registerCloser(prepared.getApplicationContext());
            } else if (event instanceof ContextRefreshedEvent refreshed) {
                handOverClient(refreshed.getApplicationContext());
            } else if (event instanceof ApplicationFailedEvent) {
                closer.detachAppenders();
            }
        } catch (RuntimeException | LinkageError e) {
            StarterWarnings.once("SeeStack: could not attach the starter's appender at startup (" + e
                    + "); it is attached later, when the context creates the client");
        }
    }

    private void attachIfUsable(Environment environment) {
        if (!usable(environment) || !StarterConfig.bind(environment).getLogging().isEnabled()) {
            return;
        }
        Runnable detach = attachLogback(environment);
        if (detach == null) {
            detach = attachLog4j2(environment);
        }
        if (detach != null) {
            closer.detachAtEnd(detach);
        }
    }

    private void registerCloser(ConfigurableApplicationContext prepared) {
        if (usable(prepared.getEnvironment())) {
            context = prepared;
            closer.register(prepared.getBeanFactory());
        } else {
            closer.detachAppenders();
        }
    }

    private void handOverClient(ApplicationContext refreshed) {
        if (refreshed != context) {
            return; // a child context (a separate management port), or not a context this listener prepared
        }
        OwnedClient owner = refreshed.getBeanProvider(OwnedClient.class).getIfUnique();
        if (owner != null) {
            closer.closeAtEnd(owner);
        } else {
            closer.detachAppenders(); // the auto-configuration was excluded: no client will come
        }
    }

    /** Whether the auto-configuration will create a client (as {@link UsableConfigCondition}, without warnings). */
    private static boolean usable(Environment environment) {
        try {
            SeeStackProperties properties = StarterConfig.bind(environment);
            return properties.isEnabled() && StarterConfig.build(environment) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Runnable attachLogback(Environment environment) {
        if (!present("ch.qos.logback.classic.LoggerContext") || !present("dev.seestack.logback.SeeStackAppender")) {
            return null;
        }
        RootAppenderAttachment attachment = new RootAppenderAttachment(environment);
        return attachment.attachedOne() ? attachment::destroy : null;
    }

    private static Runnable attachLog4j2(Environment environment) {
        if (!present("org.apache.logging.log4j.core.LoggerContext") || !present("dev.seestack.log4j2.SeeStackAppender")
                || !present("org.slf4j.LoggerFactory")) {
            return null;
        }
        Log4j2RootAppenderAttachment attachment = new Log4j2RootAppenderAttachment(environment);
        return attachment.attachedOne() ? attachment::destroy : null;
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, LoggingSystemListener.class.getClassLoader());
    }
}
