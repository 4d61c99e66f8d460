package com.bakeryia.alerts.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API root. Every resource method declares who may call it ({@code @PermitAll},
 * {@code @RolesAllowed}, {@code @DenyAll}); {@code auth.boundary.AccessFilter} enforces that and
 * refuses a method that declares nothing. Documented at {@code /openapi} (and {@code /openapi/ui})
 * from the resources' annotations.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Bakery-IA real-time alerts",
                        version = "1",
                        description = "Alerts in (HTTP or RabbitMQ), stored once, streamed to browsers as server-sent"
                                + " events, and sent by email and WhatsApp per tenant. Every error is JSON:"
                                + " {\"error\": \"<code>\", \"message\": \"<sentence>\"}."))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A MicroProfile JWT: user in upn, roles in groups, tenants in a tenants array claim.")
public class AlertsApplication extends Application {}
