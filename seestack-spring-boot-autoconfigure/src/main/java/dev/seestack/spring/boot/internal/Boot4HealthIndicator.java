package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Actuator health on Spring Boot 4 (spring-boot-health): UP while the client accepts captures, DOWN with the reason. */
final class Boot4HealthIndicator implements HealthIndicator {
    private final SeeStackClient client;

    Boot4HealthIndicator(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        HealthReport report = new HealthReport(client);
        return (report.up ? Health.up() : Health.down()).withDetails(report.details).build();
    }
}
