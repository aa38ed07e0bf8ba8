package dev.seestack.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.options.OptionValues;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * The SDK's own way into a client and a configuration, kept out of the public API: a client's core and capture
 * paths (for the adapters and HTTP integrations), clients with replaced components (tests, benchmarks), and
 * the warnings a configuration collected. {@code SeeStackClient} and {@code SeeStackConfig} install their
 * bridges when their classes initialise.
 */
public final class ClientAccess {
    /** Implemented by {@code SeeStackClient}. */
    public interface ClientBridge {
        ClientCore core(SeeStackClient client);

        SeeStackClient create(SeeStackConfig config, ClientComponents components);
    }

    /** Implemented by {@code SeeStackConfig}. */
    public interface ConfigBridge {
        List<String> warnings(SeeStackConfig config);

        SeeStackConfig build(OptionValues options, SSLContext tls, UnaryOperator<String> env);

        dev.seestack.internal.screen.SendHooks hooks(SeeStackConfig config);

        SeeStackConfig withHooks(SeeStackConfig config, dev.seestack.internal.screen.SendHooks hooks);
    }

    private static volatile ClientBridge clients;
    private static volatile ConfigBridge configs;

    private ClientAccess() {
    }

    /** Called once, by {@code SeeStackClient}'s static initialiser. */
    public static void install(ClientBridge bridge) {
        if (clients == null) {
            clients = bridge;
        }
    }

    /** Called once, by {@code SeeStackConfig}'s static initialiser. */
    public static void install(ConfigBridge bridge) {
        if (configs == null) {
            configs = bridge;
        }
    }

    /** The core of {@code client}. */
    public static ClientCore core(SeeStackClient client) {
        return clients().core(client);
    }

    /** The capture paths of {@code client} (the logging router holds them while {@code client} is current). */
    public static EventCapture capture(SeeStackClient client) {
        return clients().core(client).capture();
    }

    /** Starts a client with replaced components (transport, scheduler, diagnostics, shutdown hook). */
    public static SeeStackClient create(SeeStackConfig config, ClientComponents components) {
        return clients().create(config, components);
    }

    /** Problems found while building {@code config} (values replaced by defaults); reported once by the client. */
    public static List<String> warnings(SeeStackConfig config) {
        return configs().warnings(config);
    }

    /**
     * Builds a configuration from the client options of an integration's {@link OptionValues} (env fallbacks
     * from {@code env}); throws {@link IllegalArgumentException} naming a missing or invalid option.
     */
    public static SeeStackConfig buildConfig(OptionValues options, SSLContext tls, UnaryOperator<String> env) {
        return configs().build(options, tls, env);
    }

    /** The {@code beforeSend*} hooks of {@code config}. */
    public static dev.seestack.internal.screen.SendHooks hooks(SeeStackConfig config) {
        return configs().hooks(config);
    }

    /** {@code config} with {@code hook} for every feature that has none (the Spring Boot starter's hook bean). */
    public static SeeStackConfig withHookEverywhere(SeeStackConfig config, dev.seestack.BeforeSend hook) {
        return configs().withHooks(config, configs().hooks(config).orEverywhere(hook));
    }

    private static ConfigBridge configs() {
        ConfigBridge b = configs;
        if (b == null) {
            initialise(SeeStackConfig.class);
            b = configs;
        }
        return b;
    }

    private static ClientBridge clients() {
        ClientBridge b = clients;
        if (b == null) {
            initialise(SeeStackClient.class);
            b = clients;
        }
        return b;
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
