package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seestack.BeforeSend;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackEvent;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The error options through Spring properties ({@code seestack.tags.*}, ...) and a {@link BeforeSend} bean. */
@SpringBootTest(classes = {ShopApp.class, ErrorsPropertiesTest.Hook.class}, properties = {
    "seestack.tags.region=eu-1",
    "seestack.tags.team=payments",
    "seestack.server-name=web-7",
    "seestack.max-breadcrumbs=2",
    "seestack.ignored-exceptions=java.util.concurrent.CancellationException",
    "seestack.max-errors-per-group-per-minute=3"
})
@DirtiesContext
class ErrorsPropertiesTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();
    private static final Logger log = LoggerFactory.getLogger("com.shop.Checkout");

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    /** Drops logs saying "noise", marks errors. */
    @Configuration(proxyBeanMethods = false)
    static class Hook {
        @Bean
        BeforeSend seeStackHook() {
            return event -> {
                if (event.kind() == SeeStackEvent.Kind.LOG && "noise".equals(event.fields().get("message"))) {
                    return null;
                }
                if (event.kind() == SeeStackEvent.Kind.ERROR) {
                    event.metadata().put("hooked", true);
                }
                return event;
            };
        }
    }

    @Autowired
    SeeStackClient client;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static IllegalStateException thrownAtOneSite(String method) {
        IllegalStateException e = new IllegalStateException("rates down");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.shop.Rates", method, "Rates.java", 41)});
        return e;
    }

    @Test
    void anErrorCarriesBreadcrumbsTagsServerNameAndTheHooksChangeWhileTheHookDropsNoise() {
        MDC.put("traceId", "trace-9");
        log.info("session opened");
        log.info("noise");
        log.info("cart loaded");
        log.error("checkout failed", thrownAtOneSite("fetch"));
        SeeStack.flush(Duration.ofSeconds(10));

        JsonNode metadata = StubBackend.json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0)).get("metadata");
        for (JsonNode crumb : metadata.get("breadcrumbs")) {
            ((ObjectNode) crumb).put("timestamp", "T");
        }
        assertEquals(StubBackend.json("[{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\",\"message\":\"noise\","
                + "\"logger\":\"com.shop.Checkout\"},{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\","
                + "\"message\":\"cart loaded\",\"logger\":\"com.shop.Checkout\"}]"), metadata.get("breadcrumbs"));
        assertEquals("eu-1", metadata.get("region").asText());
        assertEquals("payments", metadata.get("team").asText());
        assertEquals("web-7", metadata.get("serverName").asText());
        assertEquals(true, metadata.get("hooked").asBoolean());
        List<String> logs = stub.bodies(IngestStub.LOGS).stream().map(StubBackend::json)
                .filter(b -> "com.shop.Checkout".equals(b.at("/metadata/logger").asText()))
                .map(b -> b.get("message").asText()).sorted().collect(Collectors.toList());
        assertEquals(List.of("cart loaded", "checkout failed", "session opened"), logs);
        assertEquals(1, client.stats().logs().droppedByHook());
    }

    @Test
    void ignoredTypesAndTheBurstLimitAreCounted() {
        FeatureStats before = client.stats().errors();
        log.error("cancelled", new CancellationException("gone"));
        for (int i = 0; i < 10; i++) {
            log.error("rates down", thrownAtOneSite("burst"));
        }
        SeeStack.flush(Duration.ofSeconds(10));

        FeatureStats after = client.stats().errors();
        assertEquals(1, after.droppedIgnored() - before.droppedIgnored());
        assertEquals(7, after.droppedRateLimited() - before.droppedRateLimited());
        assertEquals(3, after.sent() - before.sent());
        assertEquals(0, after.pending());
    }
}
