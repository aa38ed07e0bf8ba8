package dev.seestack.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * One Logback setup under test, built from {@code bench/<name>.xml}. {@code seestack} shares a client whose
 * transport discards bodies (the accept path: buffer large enough that nothing drops within an iteration);
 * {@code seestack-http} sends to the counting server with the default 500-item buffer (the drop path).
 */
final class LogbackContender implements AutoCloseable {
    private final LoggerContext context = new LoggerContext();
    private final SeeStackClient seestack;
    final Logger logger;

    LogbackContender(String name, CountingServer server) throws JoranException, java.io.IOException {
        this(name, server, server.url());
    }

    /** As above, with the peers' and {@code seestack-http}'s URL {@code url} (a delay proxy in front of the server). */
    LogbackContender(String name, CountingServer server, String url) throws JoranException, java.io.IOException {
        String file = name.startsWith("seestack") ? "seestack" : name;
        int bufferSize = SeeStackConfig.DEFAULT_BUFFER_SIZE;
        if (name.equals("seestack")) {
            bufferSize = AcceptPathClient.BUFFER_SIZE;
            seestack = AcceptPathClient.init(server);
        } else {
            seestack = null;
        }
        // SLF4J's MDC adapter, so MDC.put in the benchmark reaches this context (a bare context has none)
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        context.putProperty("server.url", url);
        context.putProperty("server.port", url.substring(url.lastIndexOf(':') + 1));
        context.putProperty("seestack.bufferSize", String.valueOf(bufferSize));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream in = LogbackContender.class.getResourceAsStream("/bench/" + file + ".xml")) {
            configurator.doConfigure(in);
        }
        logger = context.getLogger("com.shop.checkout.OrderService");
    }

    /** Items the SeeStack client dropped so far (0 for other contenders). */
    long drops() {
        SeeStackClient c = SeeStack.client();
        if (c == null) {
            return 0;
        }
        var logs = c.stats().logs();
        var errors = c.stats().errors();
        return logs.droppedBufferFull() + errors.droppedBufferFull();
    }

    /** Lets the SDK deliver what one iteration buffered, so the next iteration starts with empty buffers. */
    void drain() {
        SeeStackClient c = SeeStack.client();
        if (c != null) {
            c.flush(Duration.ofSeconds(120));
        }
    }

    @Override
    public void close() {
        context.stop();
        if (seestack != null) {
            SeeStack.close();
        }
    }
}
