package dev.seestack.spring.boot.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;

/**
 * Detaches the appenders the starter attached at startup and closes the starter's client once the context's last
 * bean is destroyed: it is registered as a disposable singleton before any bean is created, and Spring destroys
 * singletons in reverse order of registration. So what {@code @PreDestroy} methods, {@code DisposableBean}s,
 * lifecycle stops and pools (Hikari, JPA) log while the context closes is still sent.
 */
final class ContextEndCloser implements DisposableBean {
    static final String BEAN_NAME = "seeStackContextEnd";

    private final List<Runnable> detachments = new CopyOnWriteArrayList<>();
    private volatile OwnedClient owner;

    /** Runs {@code detach} when the context ends (or at {@link #detachAppenders()}). */
    void detachAtEnd(Runnable detach) {
        detachments.add(detach);
    }

    /** Takes over closing {@code client} from its bean, to close it after every other bean. */
    void closeAtEnd(OwnedClient client) {
        client.leaveCloseToContextEnd();
        owner = client;
    }

    /** Registers this closer in {@code beanFactory}, first of its disposable beans, so that it is destroyed last. */
    void register(ConfigurableListableBeanFactory beanFactory) {
        beanFactory.registerSingleton(BEAN_NAME, this);
        if (beanFactory instanceof DefaultSingletonBeanRegistry) {
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, this);
        }
    }

    /** Detaches the appenders attached at startup; idempotent. */
    void detachAppenders() {
        for (Runnable detach : detachments) {
            if (detachments.remove(detach)) { // once, even when the context's end and a failure race
                detach.run();
            }
        }
    }

    @Override
    public void destroy() {
        // detached before the close, so that nothing logged meanwhile waits for a client that will never come
        detachAppenders();
        OwnedClient o = owner;
        owner = null;
        if (o != null) {
            o.close();
        }
    }
}
