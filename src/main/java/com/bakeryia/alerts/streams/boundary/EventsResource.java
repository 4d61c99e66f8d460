package com.bakeryia.alerts.streams.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.CurrentCaller;
import com.bakeryia.alerts.auth.control.StreamCredentials;
import com.bakeryia.alerts.auth.control.StreamTickets;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.streams.control.Heartbeats;
import com.bakeryia.alerts.streams.control.OpenStreams;
import com.bakeryia.alerts.streams.control.StreamFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/events}: the caller's alert stream. The token comes in the Authorization header,
 * a single-use {@code ?ticket=} (from {@code POST /api/events/ticket}), {@code ?token=} or the
 * token cookie ({@link StreamCredentials}; the access filter verifies it before the method runs);
 * {@code ?tenant=a,b} narrows the caller's own tenants and can never add one;
 * {@code severity}, {@code service} and {@code type} (comma-separated) filter what is sent, live and
 * replayed; {@code Last-Event-ID} (header) or {@code ?lastEventId=} resumes after that cursor.
 */
@Tag(name = "Events", description = "The server-sent event stream")
@Path("events")
public class EventsResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    @Inject
    CurrentCaller current;

    @Inject
    StreamTickets tickets;

    @Inject
    OpenStreams streams;

    @Inject
    Heartbeats heartbeats;

    @Operation(
            summary = "The SSE stream of the caller's tenants",
            description =
                    "Events: connection (first, with a randomized retry:), heartbeat, <service>_alert (e.g. inventory_alert) or notification with the stored alert as data: and its stream position as id:, resync, token_expired, slow_consumer, tenants_changed. Credentials: Authorization: Bearer, ?ticket=, ?token= or the bakery_alerts_token cookie. Last-Event-ID (header) or ?lastEventId= resumes.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "400", description = "invalid_parameter: a filter that can never match")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token, token_expired or invalid_ticket")
    @APIResponse(responseCode = "403", description = "tenant_forbidden or no_tenant")
    @APIResponse(responseCode = "429", description = "too_many_streams")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Caller.AUTHENTICATED)
    @StreamCredentials
    public void stream(
            @Context SseEventSink sink,
            @Context Sse sse,
            @QueryParam("tenant") String tenant,
            @QueryParam("severity") String severity,
            @QueryParam("service") String service,
            @QueryParam("type") String type,
            @HeaderParam(LAST_EVENT_ID) String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventId) {
        Caller caller = current.caller();
        if (caller.tenants().isEmpty()) {
            throw ApiProblem.forbidden("no_tenant", "The caller belongs to no tenant whose alerts could be streamed.");
        }
        Set<String> tenants = caller.narrowTenants(tenant);
        StreamFilter filter = StreamFilter.parse(severity, service, type);
        String cursor = present(lastEventIdHeader) ? lastEventIdHeader : present(lastEventId) ? lastEventId : null;
        streams.open(sse, sink, caller, tenants, filter, cursor, heartbeats.intervalSeconds());
    }

    /**
     * {@code POST /api/events/ticket} with a Bearer token: a ticket for one {@code GET /api/events},
     * valid for about 30 s, so the token itself never goes into a URL.
     */
    @Operation(summary = "A single-use ticket for one GET /api/events")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "{\"ticket\", \"expires_at\", \"expires_in\"}")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @POST
    @Path("ticket")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.AUTHENTICATED)
    public Response ticket() {
        StreamTickets.Ticket issued = tickets.issue(current.claims());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.createObjectBuilder()
                        .add("ticket", issued.ticket())
                        .add("expires_at", issued.expiresAt().toString())
                        .add(
                                "expires_in",
                                Math.max(
                                        0,
                                        Duration.between(Instant.now(), issued.expiresAt())
                                                .toSeconds()))
                        .build()
                        .toString())
                .cacheControl(noStore)
                .build();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
