package dev.seestack.internal.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.event.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreadcrumbTrailTest {
    private static Breadcrumb crumb(String message) {
        return Breadcrumb.log(0, Severity.INFO, "app", message);
    }

    private static List<Object> messages(Breadcrumb[] crumbs) {
        List<Object> m = new ArrayList<>();
        for (Breadcrumb b : crumbs) {
            m.add(b.toMap().get("message"));
        }
        return m;
    }

    @Test
    void keepsTheLastNOfEachTraceOldestFirst() {
        BreadcrumbTrail trail = new BreadcrumbTrail(3);
        for (int i = 1; i <= 5; i++) {
            trail.record("t-1", crumb("a" + i));
            trail.record("t-2", crumb("b" + i));
        }

        assertEquals(List.of("a3", "a4", "a5"), messages(trail.snapshot("t-1")));
        assertEquals(List.of("b3", "b4", "b5"), messages(trail.snapshot("t-2")));
        assertEquals(0, trail.snapshot("t-3").length);
    }

    @Test
    void keepsNothingWhenTurnedOff() {
        BreadcrumbTrail trail = new BreadcrumbTrail(0);
        trail.record("t-1", crumb("a"));

        assertEquals(0, trail.snapshot("t-1").length);
        assertEquals(0, trail.traces());
    }

    @Test
    void evictsTheLeastRecentlyUsedTracesBeyondTheByteBudget() {
        Breadcrumb one = crumb("x".repeat(100));
        long budget = one.estimatedBytes() * 10;
        BreadcrumbTrail trail = new BreadcrumbTrail(50, budget);
        for (int i = 0; i < 5; i++) {
            trail.record("old", one);
        }
        for (int i = 0; i < 5; i++) {
            trail.record("new", one);
        }
        trail.record("old", one);

        assertTrue(trail.bytes() <= budget, "bytes " + trail.bytes());
        assertEquals(0, trail.snapshot("new").length, "the least recently used trace is evicted");
        assertEquals(6, trail.snapshot("old").length);
    }

    @Test
    void evictsTheLeastRecentlyUsedTracesBeyondMaxTraces() {
        BreadcrumbTrail trail = new BreadcrumbTrail(2);
        for (int i = 0; i <= BreadcrumbTrail.MAX_TRACES; i++) {
            trail.record("t-" + i, crumb("m"));
        }

        assertEquals(BreadcrumbTrail.MAX_TRACES, trail.traces());
        assertEquals(0, trail.snapshot("t-0").length);
        assertEquals(1, trail.snapshot("t-" + BreadcrumbTrail.MAX_TRACES).length);
    }

    @Test
    void aSingleTraceOverTheBudgetLosesItsOldestCrumbs() {
        Breadcrumb one = crumb("y".repeat(200));
        BreadcrumbTrail trail = new BreadcrumbTrail(50, one.estimatedBytes() * 3);
        for (int i = 0; i < 10; i++) {
            trail.record("t", one);
        }

        assertEquals(3, trail.snapshot("t").length);
    }

    @Test
    void anHttpCrumbHasTheShapeOfTheJsSdk() {
        Breadcrumb http = Breadcrumb.http(0, "GET", "/v1/rates", 503, 12);

        assertEquals("{timestamp=1970-01-01T00:00:00.000Z, type=http, message=GET /v1/rates -> 503, "
                + "data={method=GET, path=/v1/rates, statusCode=503, durationMs=12}}", http.toMap().toString());
    }
}
