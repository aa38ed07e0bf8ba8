package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.SdkThreads;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application server redeploys: the SDK is loaded by a fresh class loader, creates a client, captures, closes,
 * 20 times. No SDK thread survives and every one of those class loaders can be collected.
 */
@Timeout(120)
class ClassLoaderLeakTest {
    private static final int CYCLES = 20;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @Test
    void clientsCreatedAndClosedInFreshClassLoadersLeaveNothingPinned() throws Exception {
        URL sdk = SeeStackClient.class.getProtectionDomain().getCodeSource().getLocation();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            loaders.add(runOneDeployment(sdk, i));
        }
        SdkThreads.awaitNone();
        assertEquals(CYCLES, Served.awaitAccepted(stub, IngestStub.LOGS, CYCLES).size());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (alive(loaders) > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100); // between collections: threads that held a loader may still be ending
        }
        assertEquals(0, alive(loaders), "class loaders still reachable after the clients were closed");
    }

    /** Loads the SDK in its own loader, creates a client, captures a log and an error, closes it. */
    private static WeakReference<ClassLoader> runOneDeployment(URL sdk, int i) throws Exception {
        URLClassLoader loader = new URLClassLoader("deployment-" + i, new URL[] {sdk},
                ClassLoader.getPlatformClassLoader());
        Class<?> configClass = loader.loadClass("dev.seestack.SeeStackConfig");
        Class<?> clientClass = loader.loadClass("dev.seestack.SeeStackClient");
        Object builder = configClass.getMethod("builder", UnaryOperator.class)
                .invoke(null, (UnaryOperator<String>) name -> null);
        Class<?> builderClass = builder.getClass();
        builderClass.getMethod("apiKey", String.class).invoke(builder, IngestStub.API_KEY);
        builderClass.getMethod("host", String.class).invoke(builder, stub.host());
        builderClass.getMethod("environment", String.class).invoke(builder, "test");
        builderClass.getMethod("flushIntervalMs", long.class).invoke(builder, 100L);
        Object config = builderClass.getMethod("build").invoke(builder);
        Object client = clientClass.getMethod("create", configClass).invoke(null, config);
        clientClass.getMethod("captureLog", String.class, String.class, Map.class)
                .invoke(client, "info", "deployment " + i, Map.of("cycle", i));
        clientClass.getMethod("captureError", Throwable.class)
                .invoke(client, new IllegalStateException("deployment " + i));
        Method close = clientClass.getMethod("close");
        close.invoke(client);
        loader.close();
        return new WeakReference<>(loader);
    }

    private static long alive(List<WeakReference<ClassLoader>> loaders) {
        return loaders.stream().filter(r -> r.get() != null).count();
    }
}
