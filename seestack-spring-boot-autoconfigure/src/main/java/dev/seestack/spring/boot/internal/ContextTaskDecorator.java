package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackContext;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.task.TaskDecorator;

/**
 * Runs tasks submitted to Boot's auto-configured executors ({@code @Async}, {@code applicationTaskExecutor}) with the
 * submitting request's trace id, user and MDC ({@link SeeStackContext#wrap(Runnable)}). Boot 4 composes every
 * {@code TaskDecorator} bean itself; Boot 3 applies a single one, so there this bean is primary and applies the
 * application's other decorators (its own, Micrometer's {@code ContextPropagatingTaskDecorator}) inside its own.
 */
final class ContextTaskDecorator implements TaskDecorator {
    private final ObjectProvider<TaskDecorator> decorators;
    private final boolean composesOthers = !bootComposesDecorators();
    private volatile List<TaskDecorator> others;

    ContextTaskDecorator(ObjectProvider<TaskDecorator> decorators) {
        this.decorators = decorators;
    }

    @Override
    public Runnable decorate(Runnable runnable) {
        Runnable task = runnable;
        if (composesOthers) {
            for (TaskDecorator other : others()) {
                task = other.decorate(task);
            }
        }
        return SeeStackContext.wrap(task);
    }

    private List<TaskDecorator> others() {
        List<TaskDecorator> list = others;
        if (list == null) {
            list = decorators.orderedStream().filter(d -> d != this).collect(Collectors.toList());
            others = list;
        }
        return list;
    }

    /** Boot 4 builds its executors with a composite of every {@code TaskDecorator} bean. */
    private static boolean bootComposesDecorators() {
        String version = SpringBootVersion.getVersion();
        return version != null && !version.startsWith("3.");
    }
}
