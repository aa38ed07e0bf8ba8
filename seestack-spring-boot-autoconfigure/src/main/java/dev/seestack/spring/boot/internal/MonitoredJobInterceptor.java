package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.cron.SeeStackCron;
import dev.seestack.spring.boot.SeeStackMonitored;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Runs a {@link SeeStackMonitored} method through {@link SeeStackCron#call}, so the heartbeat is the same. */
final class MonitoredJobInterceptor implements MethodInterceptor {
    private final Supplier<SeeStackClient> client;

    MonitoredJobInterceptor(Supplier<SeeStackClient> client) {
        this.client = client;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        SeeStackMonitored monitored = annotationOf(invocation);
        if (monitored == null) {
            return invocation.proceed();
        }
        try {
            return SeeStackCron.call(client.get(), monitored.value(), () -> proceed(invocation));
        } catch (UndeclaredThrowableException e) {
            // a checked Throwable that is neither an Exception nor an Error: unwrap, as the job threw it
            throw e.getUndeclaredThrowable();
        }
    }

    private static Object proceed(MethodInvocation invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    private static SeeStackMonitored annotationOf(MethodInvocation invocation) {
        Method method = invocation.getMethod();
        Object target = invocation.getThis();
        if (target != null) {
            method = AopUtils.getMostSpecificMethod(method, target.getClass());
        }
        return AnnotatedElementUtils.findMergedAnnotation(method, SeeStackMonitored.class);
    }
}
