package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.reliability.webapp.FailingServlet;
import dev.seestack.reliability.webapp.WebappListener;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webapp bundling the SDK (its own class loader, a {@code SeeStackClient} started at start and closed at
 * {@code contextDestroyed}) deployed to an embedded Tomcat and undeployed again, 5 times: after each undeploy no
 * thread of the SDK is alive (and, once the engine ends every thread within {@code close()}, none of its HTTP engine
 * either, at the moment Tomcat looks for them), and every webapp class loader can be collected.
 */
@Timeout(180)
class TomcatRedeployTest {
    private static final int CYCLES = 5;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @TempDir
    Path dir;

    /**
     * What Tomcat checks when it warns "appears to have started a thread ... but has failed to stop it": no SDK or
     * HTTP engine thread at the moment undeploy returns, and every webapp class loader collectable.
     */
    @Test
    void redeployedWebappLeavesNoSdkOrHttpEngineThreadOnceUndeployedAndItsClassLoaderCollectable() throws Exception {
        redeployAndAssertNoThreadNamed(name -> name.startsWith(SdkThreads.PREFIX) || name.startsWith("HttpClient-"),
                Duration.ZERO);
    }

    private void redeployAndAssertNoThreadNamed(Predicate<String> watched, Duration grace) throws Exception {
        SdkThreads.awaitNone();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(Files.createDirectories(dir.resolve("tomcat")))) {
            for (int i = 0; i < CYCLES; i++) {
                Path docBase = WebappDirectory.create(dir.resolve("webapp-" + i), true,
                        WebappListener.class, FailingServlet.class);
                Context context = tomcat.deploy("/app", docBase, Map.of(
                        WebappListener.HOST_PARAMETER, stub.host(),
                        WebappListener.API_KEY_PARAMETER, IngestStub.API_KEY));
                loaders.add(new WeakReference<>(context.getLoader().getClassLoader()));
                assertEquals(500, tomcat.get("/app/fail", "redeploy-" + i));
                Served.awaitAccepted(stub, IngestStub.ERRORS, i + 1);

                tomcat.undeploy(context);
                PollUntil.await(grace, "no such thread after undeploy " + i + " (alive: "
                        + threadsNamed(watched) + ")", () -> threadsNamed(watched).isEmpty());
            }
        }
        assertEquals(CYCLES, Served.accepted(stub, IngestStub.LOGS).size(), "one start-up log per deployment");
        stub.assertAllBodiesValid();
        PollUntil.await(Duration.ofSeconds(60), "every webapp class loader collected", () -> {
            System.gc();
            return loaders.stream().allMatch(r -> r.get() == null);
        });
    }

    private static List<String> threadsNamed(Predicate<String> watched) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(watched)
                .sorted()
                .collect(Collectors.toList());
    }
}
