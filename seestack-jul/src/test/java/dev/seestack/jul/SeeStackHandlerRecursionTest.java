package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * With the root logger at FINEST and the handler at ALL, the JDK HTTP client's own records about the requests
 * that ship logs reach the handler: it must drop them, or every shipped log would cause more.
 */
class SeeStackHandlerRecursionTest {
    private static final int EVENTS = 25;

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
        assertNull(ClientRegistry.current());
    }

    @Test
    @Timeout(60)
    void shipsExactlyTheApplicationsRecordsWhileTheHttpClientLogsAtFinest() {
        try (IngestStub stub = IngestStub.start()) {
            JulFixture.exposeStub(stub);
            // the root logger at FINEST: any record of the SDK's own HTTP engine would reach the handler (a loop)
            ClientRegistry.initExplicit(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                    .environment("test").flushIntervalMs(200).build(), ClientComponents.defaults()
                    .transport(c -> new NettyTransport(c.host(), c.apiKey())).shutdownHook(false));
            RecordingHandler.RECORDS.clear();
            JulFixture.readConfiguration("seestack-logging-finest.properties");
            Logger log = Logger.getLogger("app.busy");

            for (int i = 0; i < EVENTS; i++) {
                log.log(i % 5 == 0 ? Level.FINEST : Level.INFO, "event " + i);
            }
            stub.awaitBodies(IngestStub.LOGS, EVENTS);
            JulFixture.flushRootHandlers();

            assertEquals(List.of(), RecordingHandler.RECORDS.stream().map(r -> String.valueOf(r.getLoggerName()))
                    .filter(n -> n.startsWith("io.netty") || n.contains(".shaded.") || n.startsWith("jdk.httpclient"))
                    .distinct().collect(Collectors.toList()), "the SDK's HTTP engine logs nothing into JUL, even at FINEST");
            assertEquals(EVENTS, JulFixture.stats().logs().captured(), "captured only the application's records");
            List<String> bodies = stub.bodies(IngestStub.LOGS);
            assertEquals(EVENTS, bodies.size());
            assertTrue(bodies.stream().map(JulFixture::json).map(b -> b.at("/metadata/logger").asText())
                    .allMatch("app.busy"::equals), "only app.busy records were shipped: " + bodies);
            assertEquals(EVENTS, bodies.stream().map(JulFixture::json).map(JsonNode::toString).distinct().count());
            stub.assertAllBodiesValid();
        } finally {
            SeeStack.close();
        }
    }
}
