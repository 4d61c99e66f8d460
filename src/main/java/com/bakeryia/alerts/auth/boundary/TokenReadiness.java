package com.bakeryia.alerts.auth.boundary;

import com.bakeryia.alerts.auth.control.DevelopmentKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the server accepts no token (no key configured, the demo login off, no HS256
 * secret): every API call would get 401, so a load balancer should not send it any — and the
 * deployment's status shows why.
 */
@Readiness
@ApplicationScoped
public class TokenReadiness implements HealthCheck {

    @Inject
    DevelopmentKeys keys;

    @Override
    public HealthCheckResponse call() {
        var outcome = keys.outcome();
        if (outcome == null) {
            return HealthCheckResponse.builder()
                    .name("tokens")
                    .down()
                    .withData("reason", "starting")
                    .build();
        }
        var response = HealthCheckResponse.builder()
                .name("tokens")
                .status(outcome.acceptsTokens())
                .withData("demo_login", outcome.demoLogin() ? "on" : "off");
        if (!outcome.acceptsTokens()) {
            response.withData("reason", outcome.message());
        }
        return response.build();
    }
}
