package dev.seestack.internal.config;

import dev.seestack.internal.options.Option;
import dev.seestack.internal.options.OptionValues;
import java.io.File;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Turns the {@code trustStore} option (a PKCS12 or JKS file of trusted certificates) into an {@link SSLContext}. */
public final class TrustStores {
    private TrustStores() {
    }

    /**
     * The TLS context of a configuration: {@code given} (the builder's {@code sslContext}) when set, else one
     * trusting the {@code trustStore} option, else null for the JVM default. Both set: a warning, and
     * {@code trustStore} is ignored.
     */
    public static SSLContext forOptions(SSLContext given, OptionValues resolved) {
        String trustStore = resolved.string(Option.TRUST_STORE);
        if (trustStore == null) {
            return given;
        }
        if (given != null) {
            resolved.warn("both sslContext and trustStore are set; using sslContext, ignoring " + trustStore);
            return given;
        }
        return load(trustStore, resolved.string(Option.TRUST_STORE_PASSWORD));
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
