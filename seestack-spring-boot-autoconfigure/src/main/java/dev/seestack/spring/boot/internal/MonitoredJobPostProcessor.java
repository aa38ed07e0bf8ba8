package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.cron.HeartbeatReporter;
import dev.seestack.spring.boot.SeeStackMonitored;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies the beans that have {@link SeeStackMonitored} methods (before {@code @Scheduled} processing sees
 * them, so scheduled runs go through the proxy; the client is looked up at each run) and warns on stderr, once per slug, about invalid slugs.
 */
final class MonitoredJobPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {
    MonitoredJobPostProcessor(ObjectProvider<SeeStackClient> client) {
        this.advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(SeeStackMonitored.class),
                new MonitoredJobInterceptor(client::getIfAvailable));
        setBeforeExistingAdvisors(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        ReflectionUtils.doWithMethods(org.springframework.aop.support.AopUtils.getTargetClass(bean), method -> {
            SeeStackMonitored m = method.getAnnotation(SeeStackMonitored.class);
            if (m != null && !HeartbeatReporter.isValidSlug(m.value())) {
                StarterWarnings.once("SeeStack SDK: @SeeStackMonitored(\"" + m.value() + "\") on " + method
                        + ": a cron monitor slug must match ^[a-z0-9-]+$; its runs are not reported");
            }
        });
        return super.postProcessAfterInitialization(bean, beanName);
    }
}
