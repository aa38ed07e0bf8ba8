package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Owns the starter's client and closes it when the context is destroyed. It is a (pass-through)
 * {@link BeanPostProcessor} only so that Spring creates it before every ordinary bean, and therefore destroys it
 * after them: logs written by other beans' destroy methods are still sent.
 */
public final class OwnedClient implements BeanPostProcessor, DisposableBean {
    private volatile SeeStackClient client;

    /** Creates the client for {@code config} and installs it behind the {@code SeeStack} facade and appenders. */
    SeeStackClient start(dev.seestack.SeeStackConfig config) {
        SeeStackClient c = SeeStackClient.create(config);
        client = c;
        ClientRegistry.installOwned(c);
        return c;
    }

    @Override
    public void destroy() {
        SeeStackClient c = client;
        client = null;
        if (c != null) {
            ClientRegistry.uninstall(c);
            c.close();
        }
    }
}
