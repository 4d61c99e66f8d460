package com.bakeryia.alerts.auth.boundary;

import com.bakeryia.alerts.auth.control.Callers;
import com.bakeryia.alerts.auth.control.DemoUsers;
import com.bakeryia.alerts.auth.control.TenantLookup;
import com.bakeryia.alerts.auth.control.DevelopmentKeys;
import com.bakeryia.alerts.auth.control.TokenIssuer;
import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
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
import java.io.StringReader;

/**
 * {@code POST /api/auth/demo-login}: a token for a demo user, only while the demo login is on
 * ({@code DemoLoginRule}: never with a configured key; by default only in the fully embedded demo);
 * 404 otherwise. Open to anyone ({@code @PermitAll}): it is how a demo user gets a token. Body:
 * {@code {"username": "alice"}}, optionally {@code "ttl_seconds"} for a shorter-lived token (to try
 * expiry without waiting).
 */
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body, @Context UriInfo uri) {
        if (!keys.active()) {
            var outcome = keys.outcome();
            throw ApiProblem.notFound("not_found", "The demo login is off on this server"
                    + (outcome == null || outcome.offBecause() == null ? "." : ": " + outcome.offBecause() + "."));
        }
        JsonObject request = parse(body);
        if (request == null || request.get("username") == null
                || request.get("username").getValueType() != JsonValue.ValueType.STRING) {
            throw ApiProblem.badRequest("missing_field", "The field 'username' is required.");
        }
        String username = request.getString("username");
        var user = DemoUsers.find(username).orElseThrow(() -> ApiProblem.badRequest("unknown_user",
                "No demo user '" + username + "'; try one of " + String.join(", ", DemoUsers.names()) + "."));
        long lifetime = issuer.maxLifetimeSeconds();
        JsonValue ttl = request.get("ttl_seconds");
        if (ttl != null) {
            if (!(ttl instanceof JsonNumber number) || !number.isIntegral()
                    || number.longValue() < 1 || number.longValue() > lifetime) {
                throw ApiProblem.badRequest("invalid_field",
                        "The field 'ttl_seconds' must be a whole number from 1 to " + lifetime + ".");
            }
            lifetime = number.longValue();
        }
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
                .add("tenants", Json.createArrayBuilder(user.tenants().orElseGet(() -> memberships.tenantsOf(user.username()))))
                .add("groups", Json.createArrayBuilder(user.groups()))
                .add("expires_at", token.expiresAt().toString())
                .build()
                .toString();
        return Response.ok(json).cookie(cookie).build();
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException e) {
            throw ApiProblem.badRequest("malformed_json", "The body must be a JSON object like {\"username\": \"alice\"}.");
        }
    }
}
