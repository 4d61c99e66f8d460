package com.bakeryia.alerts.notifications.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.CurrentCaller;
import com.bakeryia.alerts.notifications.control.InvalidSettings;
import com.bakeryia.alerts.notifications.control.SettingsJson;
import com.bakeryia.alerts.notifications.control.TenantSettings;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.notifications.entity.TenantNotificationSettings;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonFactories;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/tenants/{tenant}/notifications}: a tenant's notification settings (DESIGN.md).
 * {@code GET} returns them in full (the defaults while the tenant has stored none, with
 * {@code "defaults": true}); {@code PUT} replaces them, after validating every field (a 400 names the
 * field). For {@value Caller#ALERTS_ADMIN}, or a {@value Caller#TENANT_ADMIN} whose token allows the
 * tenant; anyone else gets 403 (the filter checks the group, this class the tenant).
 */
@Tag(name = "Notifications", description = "Notification settings and deliveries")
@Path("admin/tenants/{tenant}/notifications")
@RolesAllowed({Caller.ALERTS_ADMIN, Caller.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    private static final Logger LOG = Logger.getLogger(NotificationSettingsResource.class.getName());

    @Inject
    TenantSettings settings;

    @Inject
    CurrentCaller current;

    @Operation(
            summary = "A tenant's notification settings",
            description =
                    "Group alerts-admin, or tenant-admin of that tenant. The defaults (\"defaults\": true) while none are stored.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The settings document")
    @APIResponse(responseCode = "400", description = "invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden or tenant_forbidden")
    @GET
    public String get(@PathParam("tenant") String tenant) {
        allowed(tenant);
        Optional<TenantNotificationSettings> stored = settings.stored(tenant);
        NotificationSettings effective =
                stored.map(row -> SettingsJson.parse(row.json())).orElse(NotificationSettings.DEFAULTS);
        return body(tenant, effective, stored).toString();
    }

    @Operation(
            summary = "Replace a tenant's notification settings",
            description = "A 400 names the bad field in its message (e.g. recipients.whatsapp[1]).")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The stored settings document")
    @APIResponse(responseCode = "400", description = "malformed_json, invalid_field, missing_field or unknown_field")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden or tenant_forbidden")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String replace(@PathParam("tenant") String tenant, String json) {
        Caller caller = allowed(tenant);
        NotificationSettings parsed;
        try {
            parsed = SettingsJson.parse(json == null ? "" : json);
        } catch (InvalidSettings invalid) {
            throw ApiProblem.badRequest(invalid.code(), invalid.getMessage());
        }
        TenantNotificationSettings row = settings.replace(tenant, parsed, caller.user());
        LOG.info(() -> caller.user() + " replaced the notification settings of tenant " + tenant);
        return body(tenant, parsed, Optional.of(row)).toString();
    }

    private Caller allowed(String tenant) {
        if (tenant == null || !Identifiers.ID.matcher(tenant).matches()) {
            throw ApiProblem.badRequest("invalid_parameter", "The tenant id is not valid.");
        }
        Caller caller = current.caller();
        if (!caller.administers(tenant)) {
            throw ApiProblem.forbidden(
                    "tenant_forbidden", "The token does not allow administering the notifications of this tenant.");
        }
        return caller;
    }

    private static JsonObject body(
            String tenant, NotificationSettings settings, Optional<TenantNotificationSettings> stored) {
        var json = JsonFactories.objectBuilder().add("tenant_id", tenant);
        SettingsJson.write(settings).forEach(json::add);
        json.add("defaults", stored.isEmpty());
        stored.ifPresent(row -> {
            json.add("updated_at", row.updatedAt().toString());
            if (row.updatedBy() != null) {
                json.add("updated_by", row.updatedBy());
            }
        });
        return json.build();
    }
}
