package dev.seestack.spring.boot.internal;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless the application declares a primary {@code TaskDecorator}: a second primary one would leave Boot 3
 * unable to choose and stop the application from starting, so the SeeStack decorator then stays out.
 */
final class SingleTaskDecoratorCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans == null) {
            return true;
        }
        for (String name : beans.getBeanNamesForType(TaskDecorator.class, true, false)) {
            if (beans.containsBeanDefinition(name) && beans.getBeanDefinition(name).isPrimary()) {
                return false;
            }
        }
        return true;
    }
}
