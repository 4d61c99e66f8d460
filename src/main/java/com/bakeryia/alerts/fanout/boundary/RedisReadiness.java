package com.bakeryia.alerts.fanout.boundary;

import com.bakeryia.alerts.fanout.control.FanOutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * With Redis configured, ready only while this server's subscriber is subscribed: without it the
 * server's streams would miss other servers' alerts. In-process fan-out is always ready.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    FanOutSettings settings;

    @Inject
    RedisSubscriber subscriber;

    @Override
    public HealthCheckResponse call() {
        if (settings.redis().isEmpty()) {
            return HealthCheckResponse.builder()
                    .name("fan-out")
                    .up()
                    .withData("mode", "in-process")
                    .build();
        }
        return HealthCheckResponse.builder()
                .name("fan-out")
                .status(subscriber.subscribed())
                .withData("mode", "redis")
                .build();
    }
}
