package dev.seestack.internal.config;

import java.io.File;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Turns the {@code trustStore} option (a PKCS12 or JKS file of trusted certificates) into an {@link SSLContext}. */
public final class TrustStores {
    private TrustStores() {
    }

    /**
     * A TLS context trusting exactly the certificates in {@code path}.
     *
     * @throws IllegalArgumentException naming the option and the cause when the file cannot be read
     */
    public static SSLContext load(String path, String password) {
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalArgumentException("SeeStack: option 'trustStore' names no readable file: " + path);
        }
        try {
            // KeyStore.getInstance(File, ...) detects PKCS12 and JKS from the content
            KeyStore store = KeyStore.getInstance(file, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalArgumentException("SeeStack: option 'trustStore' could not be loaded from " + path + ": "
                    + e.getMessage() + " (a wrong trustStorePassword, or not a PKCS12/JKS file)", e);
        }
    }
}
