package dev.seestack.spring.boot.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.seestack.logback.SeeStackAppender;
import dev.seestack.internal.options.Option;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

/**
 * Attaches a SeeStack appender to Logback's root logger when the logging configuration has none, so that
 * {@code application.properties} alone is enough; removes it again when the context closes. Its mapping options
 * (service, levels, MDC keys) are {@code seestack.logging.<option>} or {@code seestack.<option>} properties.
 */
final class RootAppenderAttachment implements DisposableBean {
    static final String APPENDER_NAME = "SEESTACK";

    private final SeeStackAppender attached;

    RootAppenderAttachment(Environment environment) {
        this.attached = attach(environment);
    }

    private static SeeStackAppender attach(Environment environment) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return null;
        }
        LoggerContext context = (LoggerContext) factory;
        for (Logger logger : context.getLoggerList()) {
            if (hasSeeStackAppender(logger)) {
                return null;
            }
        }
        SeeStackAppender appender = new SeeStackAppender();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        for (Option option : Option.of(Option.Scope.MAPPING)) {
            appender.setOption(option.optionName(), StarterConfig.mappingOption(environment, option));
        }
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static boolean hasSeeStackAppender(AppenderAttachable<ILoggingEvent> attachable) {
        for (Iterator<Appender<ILoggingEvent>> it = attachable.iteratorForAppenders(); it.hasNext();) {
            Appender<ILoggingEvent> a = it.next();
            if (a instanceof SeeStackAppender) {
                return true;
            }
            if (a instanceof AppenderAttachable) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> nested = (AppenderAttachable<ILoggingEvent>) a;
                if (hasSeeStackAppender(nested)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether this attachment added an appender (false when the logging configuration has its own). */
    boolean attachedOne() {
        return attached != null;
    }

    @Override
    public void destroy() {
        if (attached == null) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext) {
            ((LoggerContext) factory).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(attached);
        }
        attached.stop();
    }
}
