package dev.seestack.test.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.test.CapturedError;
import dev.seestack.test.CapturedHeartbeat;
import dev.seestack.test.InMemorySeeStack;
import dev.seestack.testkit.ContractSchemas;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code @AutoConfigureSeeStack} on a {@code @SpringBootTest}: the starter's client delivers to memory. */
@SpringBootTest(classes = ShopApplication.class)
@AutoConfigureSeeStack
class SpringBootAutoConfigurationTest {
    @Autowired
    InMemorySeeStack seeStack;
    @Autowired
    SeeStackClient client;
    @Autowired
    ShopApplication.Orders orders;

    @AfterEach
    void everyBodyMeetsTheContract() {
        for (String path : List.of(InMemorySeeStack.ERRORS, InMemorySeeStack.LOGS, InMemorySeeStack.HEARTBEAT)) {
            seeStack.bodies(path).forEach(body -> ContractSchemas.assertValid(path, body));
        }
    }

    @Test
    void theStartersClientIsTheFacadesAndStartsWithoutAKeyOrHost() {
        assertSame(client, SeeStack.client());
    }

    @Test
    void anErrorLoggedByTheApplicationIsCaptured() {
        orders.cancel(12);

        List<CapturedError> errors = seeStack.errors();
        assertEquals(1, errors.size(), seeStack.toString());
        assertEquals("java.lang.IllegalStateException", errors.get(0).exceptionClass());
        assertEquals("order 12 already shipped", errors.get(0).message());
        assertEquals("cancel failed", seeStack.logs().get(0).message());
    }

    @Test
    void aMonitoredJobSendsItsHeartbeat() {
        orders.reindex();

        List<CapturedHeartbeat> heartbeats = seeStack.heartbeats();
        assertEquals(1, heartbeats.size());
        assertEquals("reindex", heartbeats.get(0).slug());
        assertEquals("success", heartbeats.get(0).status());
    }
}
