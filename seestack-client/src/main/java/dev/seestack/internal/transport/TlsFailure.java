package dev.seestack.internal.transport;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A request that failed in the TLS handshake, with a message naming the host and the likely cause (untrusted
 * certificate, host name mismatch), so the one warning printed for it says what to fix.
 */
public final class TlsFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private TlsFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code failure} as a TlsFailure when a TLS handshake caused it, else {@code failure} itself. */
    static IOException classify(String host, IOException failure) {
        SSLException tls = null;
        boolean untrusted = false;
        boolean wrongHost = false;
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SSLException && tls == null) {
                tls = (SSLException) c;
            }
            String m = String.valueOf(c.getMessage());
            if (c instanceof CertPathBuilderException || m.contains("PKIX path") || m.contains("unable to find valid")) {
                untrusted = true;
            }
            if (c instanceof CertificateException && (m.contains("No subject alternative") || m.contains("No name matching"))) {
                wrongHost = true;
            }
        }
        if (tls == null) {
            return failure;
        }
        String cause;
        if (wrongHost) {
            cause = "host name mismatch: the server's certificate does not name this host";
        } else if (untrusted) {
            cause = "untrusted certificate: it is not signed by a CA this JVM trusts (for a private CA set the"
                    + " 'trustStore' option or SeeStackConfig.Builder.sslContext)";
        } else if (tls instanceof SSLHandshakeException) {
            cause = "TLS handshake failed: " + tls.getMessage();
        } else {
            cause = "TLS failure: " + tls.getMessage();
        }
        return new TlsFailure("SeeStack SDK: cannot connect securely to " + host + " — " + cause
                + "; nothing is sent until this is fixed", failure);
    }
}
