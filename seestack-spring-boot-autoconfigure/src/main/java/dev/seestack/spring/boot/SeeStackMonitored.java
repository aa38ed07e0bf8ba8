package dev.seestack.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports each run of the annotated method (typically a {@code @Scheduled} one) to the cron monitor
 * {@link #value()}, exactly as {@code SeeStackCron.run} does: {@code success} with the duration, or
 * {@code failed} with the exception's message, which is rethrown unchanged. Works on Spring beans (the method
 * must be public or protected, and called through the bean). An invalid slug is warned about at startup.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SeeStackMonitored {
    /** The cron monitor's slug ({@code ^[a-z0-9-]+$}). */
    String value();
}
