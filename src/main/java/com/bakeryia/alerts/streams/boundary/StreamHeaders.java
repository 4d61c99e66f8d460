package com.bakeryia.alerts.streams.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers every event stream carries for the proxies on its way: {@code X-Accel-Buffering: no}
 * (NGINX, and ingresses built on it, pass each event on at once instead of buffering the response)
 * and {@code Cache-Control: no-cache} (no cache keeps or replays a stream).
 */
@Provider
public class StreamHeaders implements ContainerResponseFilter {

    static final String ACCEL_BUFFERING = "X-Accel-Buffering";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE)) {
            response.getHeaders().putSingle(ACCEL_BUFFERING, "no");
            response.getHeaders().putSingle("Cache-Control", "no-cache");
        }
    }
}
