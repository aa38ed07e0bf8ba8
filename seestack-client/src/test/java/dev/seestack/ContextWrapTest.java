package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/** {@link SeeStackContext#wrap}: work handed to another thread carries the submitting thread's context. */
@Timeout(30)
class ContextWrapTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void leaveAnUnrelatedContextOnThePoolThread() throws Exception {
        pool.submit(() -> MDC.put("tenant", "pool-own")).get();
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        MDC.clear();
    }

    @Test
    void aWrappedRunnableSeesTheSubmittersMdcAndContextAndThePoolThreadGetsItsOwnBack() throws Exception {
        String[] seen = new String[4];
        MDC.put("traceId", "trace-1");
        MDC.put("userId", "user-2");
        try (SeeStackContext.Scope scope = SeeStackContext.with("trace-1", "checkout", "user-2")) {
            pool.submit(SeeStackContext.wrap(() -> {
                seen[0] = MDC.get("traceId");
                seen[1] = MDC.get("userId");
                seen[2] = SeeStackContext.current().service();
                seen[3] = MDC.get("tenant");
            })).get();
        }

        assertEquals(List.of("trace-1", "user-2", "checkout"), List.of(seen[0], seen[1], seen[2]));
        assertNull(seen[3]);
        assertEquals("pool-own", pool.submit(() -> MDC.get("tenant")).get());
        assertNull(pool.submit(() -> MDC.get("traceId")).get());
        assertNull(pool.submit(() -> SeeStackContext.current().traceId()).get());
    }

    @Test
    void aWrappedCallableReturnsItsValueWithTheSubmittersContext() throws Exception {
        try (SeeStackContext.Scope scope = SeeStackContext.with("trace-3", null, "user-4")) {
            assertEquals("trace-3/user-4", pool.submit(SeeStackContext.wrap(
                    () -> SeeStackContext.current().traceId() + "/" + SeeStackContext.current().userId())).get());
        }
    }

    @Test
    void aWrappedExecutorCapturesTheContextAtEachSubmission() throws Exception {
        java.util.concurrent.Executor wrapped = SeeStackContext.wrap(pool);
        MDC.put("traceId", "trace-5");
        String first = CompletableFuture.supplyAsync(() -> MDC.get("traceId"), wrapped).get();
        MDC.put("traceId", "trace-6");
        String second = CompletableFuture.supplyAsync(() -> MDC.get("traceId"), wrapped).get();

        assertEquals(List.of("trace-5", "trace-6"), List.of(first, second));
    }
}
