package com.bakeryia.alerts.alerts.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the alerts broker accepts a connection: the HTTP ingest publishes through it. */
@Readiness
@ApplicationScoped
public class QueueReadiness implements HealthCheck {

    @Resource(lookup = "jms/alertsConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
            return HealthCheckResponse.up("alerts-queue");
        } catch (JMSRuntimeException e) {
            return HealthCheckResponse.builder().name("alerts-queue").down().withData("error", e.getMessage()).build();
        }
    }
}
