package com.bakeryia.alerts.auth.boundary;

import com.bakeryia.alerts.auth.control.Callers;
import com.bakeryia.alerts.auth.control.DemoUsers;
import com.bakeryia.alerts.auth.control.DevelopmentKeys;
import com.bakeryia.alerts.auth.control.TenantLookup;
import com.bakeryia.alerts.auth.control.TokenIssuer;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.JsonInput;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/auth/demo-login}: a token for a demo user, only while the demo login is on
 * ({@code DemoLoginRule}: never with a configured key; by default only in the fully embedded demo);
 * 404 otherwise. Open to anyone ({@code @PermitAll}): it is how a demo user gets a token. Body:
 * {@code {"username": "alice"}}, optionally {@code "ttl_seconds"} for a shorter-lived token (to try
 * expiry without waiting).
 */
@Tag(name = "Demo login", description = "Development tokens, only while DEMO_LOGIN is on")
@Path("auth/demo-login")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class DemoLoginResource {

    @Inject
    DevelopmentKeys keys;

    @Inject
    TokenIssuer issuer;

    @Inject
    TenantLookup memberships;

    @Operation(
            summary = "A development token for a demo user",
            description = "Only while the demo login is on (DEMO_LOGIN); 404 otherwise.")
    @APIResponse(responseCode = "200", description = "{\"token\", \"tenants\", \"groups\", \"expires_at\"}")
    @APIResponse(responseCode = "400", description = "malformed_json, missing_field or invalid_field")
    @APIResponse(responseCode = "404", description = "not_found: the demo login is off")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body, @Context UriInfo uri) {
        if (!keys.active()) {
            var outcome = keys.outcome();
            throw ApiProblem.notFound(
                    "not_found",
                    "The demo login is off on this server"
                            + (outcome == null || outcome.offBecause() == null
                                    ? "."
                                    : ": " + outcome.offBecause() + "."));
        }
        JsonObject request = parse(body);
        String username = username(request);
        var user = DemoUsers.find(username)
                .orElseThrow(() -> ApiProblem.badRequest(
                        "unknown_user",
                        "No demo user '" + username + "'; try one of " + String.join(", ", DemoUsers.names()) + "."));
        long lifetime = lifetime(request, issuer.maxLifetimeSeconds());
        var token = issuer.issue(user, lifetime);
        // The same token as an HttpOnly cookie scoped to the stream: an EventSource on this origin
        // then needs no token in its URL, and page scripts cannot read the cookie.
        NewCookie cookie = new NewCookie.Builder(Callers.TOKEN_COOKIE)
                .value(token.token())
                .path("/api/events")
                .maxAge((int) lifetime)
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        String json = Json.createObjectBuilder()
                .add("token", token.token())
                .add("username", user.username())
                .add(
                        "tenants",
                        Json.createArrayBuilder(user.tenants().orElseGet(() -> memberships.tenantsOf(user.username()))))
                .add("groups", Json.createArrayBuilder(user.groups()))
                .add("expires_at", token.expiresAt().toString())
                .build()
                .toString();
        return Response.ok(json).cookie(cookie).build();
    }

    /** The request body as an object; @throws ApiProblem 400 for anything else */
    static JsonObject parse(String body) {
        JsonValue value;
        try {
            value = JsonInput.read(body);
        } catch (JsonInput.BadJson e) {
            throw ApiProblem.badRequest(
                    e.code(), e.getMessage() + " The body must be a JSON object like {\"username\": \"alice\"}.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiProblem.badRequest(
                    "malformed_json", "The body must be a JSON object like {\"username\": \"alice\"}.");
        }
        return value.asJsonObject();
    }

    static String username(JsonObject request) {
        if (request.get("username") == null || request.get("username").getValueType() != JsonValue.ValueType.STRING) {
            throw ApiProblem.badRequest("missing_field", "The field 'username' is required.");
        }
        return request.getString("username");
    }

    /**
     * The token's lifetime: {@code ttl_seconds} if given, else the longest. Compared as a decimal,
     * so a huge or fractional number is refused rather than wrapped into range by {@code longValue()}.
     */
    static long lifetime(JsonObject request, long longest) {
        JsonValue ttl = request.get("ttl_seconds");
        if (ttl == null) {
            return longest;
        }
        if (ttl instanceof JsonNumber number) {
            BigDecimal seconds;
            try {
                seconds = number.bigDecimalValue();
            } catch (RuntimeException e) {
                seconds = BigDecimal.ZERO; // a number the provider will not convert (too long): refused below
            }
            if (seconds.signum() > 0
                    && seconds.compareTo(BigDecimal.valueOf(longest)) <= 0
                    && seconds.stripTrailingZeros().scale() <= 0) {
                return seconds.longValueExact();
            }
        }
        throw ApiProblem.badRequest(
                "invalid_field", "The field 'ttl_seconds' must be a whole number from 1 to " + longest + ".");
    }
}
