package com.bakeryia.alerts.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access to the API for the origins in {@code CORS_ORIGINS} (comma-separated), with
 * credentials (cookies, an EventSource {@code withCredentials}); {@code *} allows any origin
 * without credentials. Other origins get no CORS headers, so browsers keep them out.
 */
@Provider
@PreMatching
public class Cors implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String ANY = "*";
    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Last-Event-ID";

    @Inject
    @ConfigProperty(name = "cors.origins")
    Optional<List<String>> origins;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null
                && allowed(origin)) {
            Response.ResponseBuilder preflight = Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .header("Access-Control-Max-Age", "600");
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (!allowed(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (listed(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Allow-Credentials", "true");
            headers.add("Vary", ORIGIN);
        } else {
            headers.putSingle("Access-Control-Allow-Origin", ANY);
        }
    }

    private boolean allowed(String origin) {
        return origin != null && (listed(origin) || configured().contains(ANY));
    }

    private boolean listed(String origin) {
        return configured().stream().anyMatch(o -> !ANY.equals(o) && o.equalsIgnoreCase(origin.strip()));
    }

    private List<String> configured() {
        return origins.orElse(List.of()).stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
    }
}
