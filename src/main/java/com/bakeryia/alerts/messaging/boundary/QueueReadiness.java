package com.bakeryia.alerts.messaging.boundary;

import com.bakeryia.alerts.store.control.AlertPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the alerts broker accepts a connection (the HTTP ingest publishes through it)
 * and the configured broker's adapter says alerts queued there are consumed (with RabbitMQ: while
 * the resource adapter that feeds the listener is installed).
 */
@Readiness
@ApplicationScoped
public class QueueReadiness implements HealthCheck {

    @Inject
    AlertPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        String problem = publisher.unreachableBecause();
        return problem == null
                ? HealthCheckResponse.up("alerts-queue")
                : HealthCheckResponse.builder()
                        .name("alerts-queue")
                        .down()
                        .withData("error", problem)
                        .build();
    }
}
