package dev.seestack.internal.transport;

import dev.seestack.internal.config.ProxyAddress;
import java.net.Authenticator;
import java.net.PasswordAuthentication;

/**
 * Answers only the configured proxy's own challenge (a 407 from that host and port) with the credentials of
 * the {@code proxy} option; never a server's 401, so the credentials cannot leak to the backend or elsewhere.
 */
final class ProxyAuthenticator extends Authenticator {
    private final ProxyAddress proxy;

    ProxyAuthenticator(ProxyAddress proxy) {
        this.proxy = proxy;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY || getRequestingPort() != proxy.port()
                || !proxy.host().equalsIgnoreCase(getRequestingHost())) {
            return null;
        }
        return new PasswordAuthentication(proxy.user(), proxy.password().toCharArray());
    }
}
