package com.bakeryia.alerts.notifications.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.CurrentCaller;
import com.bakeryia.alerts.notifications.control.Deliveries;
import com.bakeryia.alerts.notifications.entity.Delivery;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonFactories;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/alerts/{id}/deliveries}: one entry per channel and recipient of the alert, for a
 * member of its tenant. An alert of another tenant is answered like one that does not exist (404),
 * so ids cannot be probed across tenants.
 */
@Tag(name = "Notifications")
@Path("alerts/{id}/deliveries")
@RolesAllowed(Caller.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    Deliveries deliveries;

    @Inject
    CurrentCaller current;

    @Operation(
            summary = "An alert's email and WhatsApp deliveries",
            description =
                    "For members of the alert's tenant: channel, recipient, status (pending, held, sent, failed, suppressed, not_configured), attempts, last_error, sent_at.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "{\"alert_id\", \"tenant_id\", \"deliveries\": [...]}")
    @APIResponse(responseCode = "400", description = "invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "404", description = "alert_not_found (also for another tenant's alert)")
    @GET
    public String list(@PathParam("id") String alertId) {
        if (alertId == null || !Identifiers.ID.matcher(alertId).matches()) {
            throw ApiProblem.badRequest("invalid_parameter", "The alert id is not valid.");
        }
        String tenant = deliveries
                .tenantOf(alertId)
                .filter(current.caller().tenants()::contains)
                .orElseThrow(() -> ApiProblem.notFound("alert_not_found", "No alert with that id in your tenants."));
        List<Delivery> rows = deliveries.of(alertId);
        var items = JsonFactories.arrayBuilder();
        for (Delivery delivery : rows) {
            var item = JsonFactories.objectBuilder()
                    .add("channel", delivery.channel().wireName())
                    .add("recipient", delivery.recipient())
                    .add("status", delivery.status().wireName())
                    .add("attempts", delivery.attempts());
            if (delivery.lastError() == null) {
                item.addNull("last_error");
            } else {
                item.add("last_error", delivery.lastError());
            }
            if (delivery.sentAt() == null) {
                item.addNull("sent_at");
            } else {
                item.add("sent_at", delivery.sentAt().toString());
            }
            if (delivery.dueAt() != null) {
                item.add("due_at", delivery.dueAt().toString());
            }
            items.add(item);
        }
        return JsonFactories.objectBuilder()
                .add("alert_id", alertId)
                .add("tenant_id", tenant)
                .add("deliveries", items)
                .build()
                .toString();
    }
}
