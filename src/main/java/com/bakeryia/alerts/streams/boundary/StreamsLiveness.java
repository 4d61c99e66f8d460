package com.bakeryia.alerts.streams.boundary;

import com.bakeryia.alerts.streams.control.OpenStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the stream register answers; reports how many streams this server holds. */
@Liveness
@ApplicationScoped
public class StreamsLiveness implements HealthCheck {

    @Inject
    OpenStreams streams;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .name("streams")
                .up()
                .withData("open", streams.count())
                .build();
    }
}
