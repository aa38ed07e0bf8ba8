package dev.seestack.internal.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ErrorRateLimiterTest {
    private final AtomicLong nowMs = new AtomicLong(1_000);

    private static IllegalStateException thrownAt(String method) {
        IllegalStateException e = new IllegalStateException("boom");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.concurrent.FutureTask", "run", "FutureTask.java", 264),
            new StackTraceElement("com.shop.Rates", method, "Rates.java", 10)});
        return e;
    }

    @Test
    void admitsNPerGroupAndMinuteAndTheNextOneAdmittedCarriesTheRefusedCount() {
        ErrorRateLimiter limiter = new ErrorRateLimiter(3, nowMs::get);
        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            if (limiter.admit(thrownAt("fetch")) != ErrorRateLimiter.REFUSED) {
                admitted++;
            }
        }
        nowMs.addAndGet(59_999);
        long stillInTheMinute = limiter.admit(thrownAt("fetch"));
        nowMs.addAndGet(1);

        assertEquals(3, admitted);
        assertEquals(ErrorRateLimiter.REFUSED, stillInTheMinute);
        assertEquals(48, limiter.admit(thrownAt("fetch")));
        assertEquals(0, limiter.admit(thrownAt("fetch")));
    }

    @Test
    void groupsAsTheBackendDoesByClassAndApplicationFrames() {
        ErrorRateLimiter limiter = new ErrorRateLimiter(1, nowMs::get);

        assertEquals(0, limiter.admit(thrownAt("fetch")));
        assertEquals(0, limiter.admit(thrownAt("store")), "another frame: another group");
        assertEquals(0, limiter.admit(new IllegalArgumentException()), "another class: another group");
        assertEquals(ErrorRateLimiter.REFUSED, limiter.admit(thrownAt("fetch")));
    }

    @Test
    void zeroMeansUnlimited() {
        ErrorRateLimiter limiter = new ErrorRateLimiter(0, nowMs::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.admit(thrownAt("fetch")));
        }
    }
}
