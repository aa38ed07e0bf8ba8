package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code <SeeStack>} naming no backend joins the client started in code, keeping what it got before. */
class SharedClientTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedByTest(stub);

    @AfterEach
    void closeClient() {
        log4j.shutdown();
        SeeStack.close();
    }

    @Test
    void appenderWithoutKeyOrHostSendsEventsLoggedBeforeInitThroughTheClientStartedLater() {
        Logger log = log4j.start("log4j2-seestack-joins-shared.xml").getLogger("com.shop.Checkout");
        log.info("logged before the client exists");
        SeeStack.init(SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                .flushIntervalMs(200).build());
        log.info("logged after init");
        Log4jFixture.flush();

        List<Map<String, Object>> logs = Log4jFixture.parseAll(stub.awaitBodies(IngestStub.LOGS, 2));
        // sent by concurrent senders: arrival order is not guaranteed
        assertEquals(java.util.Set.of("logged before the client exists", "logged after init"),
                logs.stream().map(l -> l.get("message")).collect(Collectors.toSet()));
        assertEquals(2, logs.size());
        assertEquals(List.of("checkout", "checkout"), logs.stream().map(l -> l.get("service"))
                .collect(Collectors.toList()));
    }
}
