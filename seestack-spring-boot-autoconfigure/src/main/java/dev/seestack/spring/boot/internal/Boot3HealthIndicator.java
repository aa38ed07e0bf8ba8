package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Actuator health on Spring Boot 3: UP while the client accepts captures, DOWN with the reason. */
final class Boot3HealthIndicator implements HealthIndicator {
    private final SeeStackClient client;

    Boot3HealthIndicator(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        HealthReport report = new HealthReport(client);
        return (report.up ? Health.up() : Health.down()).withDetails(report.details).build();
    }
}
