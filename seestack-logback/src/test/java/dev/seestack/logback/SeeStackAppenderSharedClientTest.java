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

/**
 * An appender naming no backend joins the client started in code, and keeps what it received before; an appender
 * that started its own client follows the client that replaces it.
 */
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

    @Test
    void appenderSendsThroughTheClientInitialisedInCodeOnceItReplacedTheAppendersOwn() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        log.error("before init", new IllegalStateException("first"));
        LogbackFixture.flush();
        assertEquals("test", LogbackFixture.json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0))
                .get("environment").asText());

        SeeStack.init(SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                .environment("code").flushIntervalMs(200).build());
        log.error("after init", new IllegalStateException("second"));
        LogbackFixture.flush();

        JsonNode second = LogbackFixture.json(stub.awaitBodies(IngestStub.ERRORS, 2).get(1));
        assertEquals("second", second.get("message").asText());
        assertEquals("code", second.get("environment").asText(), "sent by the replacing client");
        assertEquals(1, SeeStack.stats().errors().captured());
        assertEquals(0, SeeStack.stats().errors().droppedDisabled());
    }
}
