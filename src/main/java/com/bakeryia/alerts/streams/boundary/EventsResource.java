package com.bakeryia.alerts.streams.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.auth.control.Callers;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.streams.control.Heartbeats;
import com.bakeryia.alerts.streams.control.StreamFilter;
import com.bakeryia.alerts.streams.control.TenantBroadcasters;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;

/**
 * {@code GET /api/events}: the caller's live alert stream. The token comes in the Authorization
 * header or, for a browser's EventSource, as {@code ?token=}; {@code ?tenant=a,b} narrows the
 * caller's own tenants and can never add one; {@code severity}, {@code service} and {@code type}
 * (comma-separated) filter what is sent.
 */
@Path("events")
public class EventsResource {

    @Inject
    Callers callers;

    @Inject
    TenantBroadcasters broadcasters;

    @Inject
    Heartbeats heartbeats;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @QueryParam("token") @DefaultValue("") String token, @QueryParam("tenant") String tenant,
                       @QueryParam("severity") String severity, @QueryParam("service") String service,
                       @QueryParam("type") String type) {
        Caller caller = callers.authenticate(authorization, token);
        Set<String> tenants = caller.narrowTenants(tenant);
        if (tenants.isEmpty()) {
            throw ApiProblem.forbidden("no_tenant", "The token names no tenant whose alerts could be streamed.");
        }
        StreamFilter filter = StreamFilter.parse(severity, service, type);
        broadcasters.open(sse, sink, caller, tenants, filter, heartbeats.intervalSeconds());
    }
}
