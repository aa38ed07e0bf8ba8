package dev.seestack.internal.screen;

import dev.seestack.BeforeSend;
import dev.seestack.internal.event.Feature;

/** The {@link BeforeSend} hooks of one client, one per feature that has one (null: none). Immutable. */
public final class SendHooks {
    public static final SendHooks NONE = new SendHooks(null, null, null);

    private final BeforeSend error;
    private final BeforeSend log;
    private final BeforeSend httpRequest;

    public SendHooks(BeforeSend error, BeforeSend log, BeforeSend httpRequest) {
        this.error = error;
        this.log = log;
        this.httpRequest = httpRequest;
    }

    /** The same hook for every feature (a Spring bean), unless one is given already. */
    public SendHooks orEverywhere(BeforeSend hook) {
        return hook == null ? this : new SendHooks(error != null ? error : hook, log != null ? log : hook,
                httpRequest != null ? httpRequest : hook);
    }

    public SendHooks withError(BeforeSend hook) {
        return new SendHooks(hook, log, httpRequest);
    }

    public SendHooks withLog(BeforeSend hook) {
        return new SendHooks(error, hook, httpRequest);
    }

    public SendHooks withHttpRequest(BeforeSend hook) {
        return new SendHooks(error, log, hook);
    }

    /** The hook of {@code feature}, or null. */
    public BeforeSend of(Feature feature) {
        switch (feature) {
            case ERRORS:
                return error;
            case LOGS:
                return log;
            case HTTP_REQUESTS:
                return httpRequest;
            default:
                return null;
        }
    }

    public boolean isEmpty() {
        return error == null && log == null && httpRequest == null;
    }
}
