package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Owns the starter's client and closes it when the context is destroyed. It is a (pass-through)
 * {@link BeanPostProcessor} only so that Spring creates it before every ordinary bean, and therefore destroys it
 * after them: logs written by other beans' destroy methods are still sent. In an application started by
 * {@code SpringApplication}, {@link ContextEndCloser} takes the close over and does it after the very last bean.
 */
public final class OwnedClient implements BeanPostProcessor, DisposableBean {
    private volatile SeeStackClient client;
    private volatile boolean closedAtContextEnd;

    /** Creates the client for {@code config} and installs it behind the {@code SeeStack} facade and appenders. */
    SeeStackClient start(dev.seestack.SeeStackConfig config) {
        SeeStackClient c = SeeStackClient.create(config);
        client = c;
        ClientRegistry.installOwned(c);
        return c;
    }

    /** Leaves the close to {@link ContextEndCloser}: this bean's destruction then keeps the client open. */
    void leaveCloseToContextEnd() {
        closedAtContextEnd = true;
    }

    @Override
    public void destroy() {
        if (!closedAtContextEnd) {
            close();
        }
    }

    /** Removes the client from the facade and closes it: sends what is buffered within the 5 s close deadline. */
    void close() {
        SeeStackClient c = client;
        client = null;
        if (c != null) {
            ClientRegistry.uninstall(c);
            c.close();
        }
    }
}
