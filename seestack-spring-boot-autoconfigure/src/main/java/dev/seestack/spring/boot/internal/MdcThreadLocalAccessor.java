package dev.seestack.spring.boot.internal;

import dev.seestack.internal.http.MdcBridge;
import io.micrometer.context.ThreadLocalAccessor;

/** Restores one MDC key from the Reactor context on the threads a reactive request runs on. */
final class MdcThreadLocalAccessor implements ThreadLocalAccessor<String> {
    private final String contextKey;
    private final String mdcKey;

    MdcThreadLocalAccessor(String contextKey, String mdcKey) {
        this.contextKey = contextKey;
        this.mdcKey = mdcKey;
    }

    @Override
    public Object key() {
        return contextKey;
    }

    @Override
    public String getValue() {
        return MdcBridge.get(mdcKey);
    }

    @Override
    public void setValue(String value) {
        MdcBridge.set(mdcKey, value);
    }

    @Override
    public void setValue() {
        MdcBridge.set(mdcKey, null);
    }
}
