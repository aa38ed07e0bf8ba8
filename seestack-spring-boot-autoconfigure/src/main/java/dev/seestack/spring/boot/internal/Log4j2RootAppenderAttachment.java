package dev.seestack.spring.boot.internal;

import dev.seestack.log4j2.SeeStackAppender;
import dev.seestack.internal.options.Option;
import org.springframework.core.env.Environment;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The Log4j2 counterpart of {@link RootAppenderAttachment}: when the application logs through Log4j2
 * ({@code spring-boot-starter-log4j2}) and its configuration has no {@code <SeeStack>} appender, attaches one, joined
 * to the starter's client, to the root logger; removes it again when the context closes.
 */
final class Log4j2RootAppenderAttachment implements DisposableBean {
    static final String APPENDER_NAME = "SEESTACK";

    private final LoggerContext context;
    private final SeeStackAppender attached;

    Log4j2RootAppenderAttachment(Environment environment) {
        this.context = logsThroughLog4j2() ? currentContext() : null;
        this.attached = context == null ? null : attach(context, environment);
    }

    /** SLF4J is bound to Log4j2 (not Logback); Log4j2 in the background of a Logback app is left alone. */
    private static boolean logsThroughLog4j2() {
        return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.apache.logging.slf4j.");
    }

    private static LoggerContext currentContext() {
        Object context = LogManager.getContext(false);
        return context instanceof LoggerContext ? (LoggerContext) context : null;
    }

    private static SeeStackAppender attach(LoggerContext context, Environment environment) {
        Configuration configuration = context.getConfiguration();
        for (Appender appender : configuration.getAppenders().values()) {
            if (appender instanceof SeeStackAppender) {
                return null;
            }
        }
        SeeStackAppender.Builder<?> builder = SeeStackAppender.newBuilder()
                .setName(APPENDER_NAME)
                .setConfiguration(configuration);
        for (Option option : Option.of(Option.Scope.MAPPING)) {
            builder.setOption(option.optionName(), StarterConfig.mappingOption(environment, option));
        }
        SeeStackAppender appender = builder.build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
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
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(APPENDER_NAME);
        context.updateLoggers();
        attached.stop();
    }
}
