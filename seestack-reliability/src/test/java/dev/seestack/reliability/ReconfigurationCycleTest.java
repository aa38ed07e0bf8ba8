package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.SdkThreads;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 20 reconfigurations of Logback and of Log4j2: every event logged in between arrives, no SDK thread survives. */
@Timeout(120)
class ReconfigurationCycleTest {
    private static final int CYCLES = 20;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @Test
    void twentyLogbackReconfigurationsLoseNothingAndLeaveNoThread() {
        LoggingApp.Logback app = LoggingApp.logback("reliability-logback.xml", stub.host());
        try {
            app.info("cycle 0");
            for (int i = 1; i <= CYCLES; i++) {
                app.configure("reliability-logback.xml"); // reset stops the appender: its client drains and closes
                app.info("cycle " + i);
            }
        } finally {
            app.close();
        }
        SdkThreads.awaitNone();
        assertEveryCycleDelivered();
    }

    @Test
    void twentyLog4j2ReconfigurationsLoseNothingAndLeaveNoThread() throws Exception {
        LoggingApp.Log4j2 app = LoggingApp.log4j2("reliability-log4j2.xml", stub.host());
        URI config = getClass().getResource("/reliability-log4j2.xml").toURI();
        try {
            app.info("cycle 0");
            for (int i = 1; i <= CYCLES; i++) {
                Configurator.reconfigure(config); // the new appender starts before the old one stops
                app.info("cycle " + i);
            }
        } finally {
            app.close();
        }
        SdkThreads.awaitNone();
        assertEveryCycleDelivered();
    }

    private static void assertEveryCycleDelivered() {
        Set<String> expected = IntStream.rangeClosed(0, CYCLES).mapToObj(i -> "cycle " + i).collect(Collectors.toSet());
        Set<String> delivered = new HashSet<>(Served.messages(Served.awaitAccepted(stub, IngestStub.LOGS,
                CYCLES + 1)));
        assertEquals(expected, delivered);
        assertEquals(CYCLES + 1, Served.accepted(stub, IngestStub.LOGS).size(), "nothing arrived twice");
    }
}
