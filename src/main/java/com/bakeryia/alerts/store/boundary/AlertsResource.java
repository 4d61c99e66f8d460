package com.bakeryia.alerts.store.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.CurrentCaller;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.store.control.AlertJson;
import com.bakeryia.alerts.store.control.AlertParser;
import com.bakeryia.alerts.store.control.AlertPublisher;
import com.bakeryia.alerts.store.control.AlertStore;
import com.bakeryia.alerts.store.control.AlertSubmission;
import com.bakeryia.alerts.store.control.InvalidAlert;
import com.bakeryia.alerts.store.control.QueueUnavailable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Alerts", description = "Ingest and history of alerts")
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private static final Logger LOG = Logger.getLogger(AlertsResource.class.getName());
    private static final int MAX_LIMIT = 200;

    @Inject
    AlertPublisher publisher;

    @Inject
    AlertStore store;

    @Inject
    CurrentCaller current;

    @Inject
    JsonWebToken token;

    /** HTTP ingest: validated here for a precise 400, then queued like any producer's message. */
    @Operation(
            summary = "Ingest one alert",
            description =
                    "The alert message of DESIGN.md (at most 64 KiB); queued like any producer's message. Group alert-publisher.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "Queued: {\"id\": ...}")
    @APIResponse(
            responseCode = "400",
            description = "malformed_json, missing_field, invalid_field, too_large or too_deep")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden: the token lacks the group")
    @APIResponse(responseCode = "503", description = "queue_unavailable: nothing was accepted")
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Caller.ALERT_PUBLISHER)
    public Response ingest(InputStream body) throws IOException {
        byte[] bytes = AlertParser.readLimited(body);
        AlertSubmission alert;
        try {
            alert = AlertParser.parse(bytes);
        } catch (InvalidAlert invalid) {
            throw ApiProblem.badRequest(invalid.code(), invalid.getMessage());
        }
        try {
            publisher.publish(alert, bytes);
        } catch (QueueUnavailable e) {
            LOG.log(Level.WARNING, "Alert " + alert.id() + " was not queued", e);
            throw new ApiProblem(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "queue_unavailable",
                    "The alert queue is unavailable; nothing was accepted, try again.");
        }
        LOG.fine(() -> "Queued alert " + alert.id() + " for tenant " + alert.tenantId() + " from " + token.getName());
        return Response.accepted(
                        Json.createObjectBuilder().add("id", alert.id()).build().toString())
                .build();
    }

    /** History of the caller's tenants (or the subset named by {@code tenant}), newest first. */
    @Operation(summary = "History of the caller's tenants, newest first")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "An array of stored alerts")
    @APIResponse(responseCode = "400", description = "invalid_parameter (limit 1-200)")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "tenant_forbidden: a tenant outside the token")
    @GET
    @RolesAllowed(Caller.AUTHENTICATED)
    public String history(@QueryParam("tenant") String tenant, @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller caller = current.caller();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        store.recent(caller.narrowTenants(tenant), limit).forEach(a -> items.add(AlertJson.of(a)));
        return items.build().toString();
    }
}
