package dev.seestack.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import tools.jackson.databind.JsonNode;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/** An appender naming no backend joins the client started in code, and keeps what it received before. */
class SeeStackAppenderSharedClientTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.closingClientAfterEach(stub);

    @Test
    void appenderWithoutKeyOrHostSendsEventsLoggedBeforeInitThroughTheClientStartedLater() {
        LogbackFixture fixture = logback.load("seestack-joins-shared.xml");
        assertTrue(fixture.seeStackAppender().isStarted());
        assertEquals(List.of(), fixture.statusErrors());
        assertEquals(List.of(), fixture.context().getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN).map(Status::getMessage).collect(Collectors.toList()),
                "naming no backend at all is the documented way to join a shared client, not a problem");

        Logger log = fixture.logger("com.shop.Checkout");
        log.info("logged before the client exists");
        SeeStack.init(SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                .flushIntervalMs(200).build());
        log.info("logged after init");
        LogbackFixture.flush();

        List<JsonNode> logs = LogbackFixture.json(stub.awaitLogBodies(2));
        // sent by concurrent senders: arrival order is not guaranteed
        assertEquals(java.util.Set.of("logged before the client exists", "logged after init"),
                logs.stream().map(l -> l.get("message").asText()).collect(Collectors.toSet()));
        assertEquals(2, logs.size());
        assertTrue(logs.stream().allMatch(l -> "checkout".equals(l.get("service").asText())));
    }
}
