package dev.seestack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Test TLS material, made once per JVM with the JDK's {@code keytool} in a temporary directory (nothing secret is
 * committed): a key store for a server named {@code localhost} / {@code 127.0.0.1} / {@code ::1}, one for a server
 * whose certificate names only {@code wrong.example.invalid}, and a trust store holding both self-signed
 * certificates. All stores are PKCS12 with password {@link #PASSWORD}.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";

    private static TestCertificates instance;

    private final Path serverKeyStore;
    private final Path wrongHostKeyStore;
    private final Path trustStore;

    private TestCertificates(Path dir) throws IOException, InterruptedException {
        serverKeyStore = dir.resolve("server.p12");
        wrongHostKeyStore = dir.resolve("wrong-host.p12");
        trustStore = dir.resolve("trust.p12");
        selfSigned(serverKeyStore, "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1");
        selfSigned(wrongHostKeyStore, "wrong", "CN=wrong.example.invalid", "SAN=dns:wrong.example.invalid");
        trust(serverKeyStore, "server", dir);
        trust(wrongHostKeyStore, "wrong", dir);
    }

    /** The material of this JVM, generated on first use. */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("seestack-tls");
                dir.toFile().deleteOnExit();
                instance = new TestCertificates(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** Key store of a server whose certificate names localhost, 127.0.0.1 and ::1. */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /** Key store of a server whose (trusted) certificate names another host only. */
    public Path wrongHostKeyStore() {
        return wrongHostKeyStore;
    }

    /** Trust store with both servers' certificates. */
    public Path trustStore() {
        return trustStore;
    }

    private static void selfSigned(Path store, String alias, String dname, String san)
            throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-ext", san, "-validity", "3650", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    private void trust(Path keyStore, String alias, Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve(alias + ".cer");
        keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
