package com.bakeryia.alerts.auth.boundary;

import com.bakeryia.alerts.auth.control.DemoUsers;
import com.bakeryia.alerts.auth.control.DevelopmentKeys;
import com.bakeryia.alerts.auth.control.TokenIssuer;
import com.bakeryia.alerts.platform.ApiProblem;
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
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/**
 * {@code POST /api/auth/demo-login}: a token for a demo user, only while this server signs its own
 * development tokens (no verification key configured); 404 otherwise. Body:
 * {@code {"username": "alice"}}, optionally {@code "ttl_seconds"} for a shorter-lived token (to try
 * expiry without waiting).
 */
@Path("auth/demo-login")
@Produces(MediaType.APPLICATION_JSON)
public class DemoLoginResource {

    @Inject
    DevelopmentKeys keys;

    @Inject
    TokenIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String login(String body) {
        if (!keys.active()) {
            throw ApiProblem.notFound("not_found",
                    "The demo login is off: this server verifies tokens with a configured key.");
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
        return Json.createObjectBuilder()
                .add("token", token.token())
                .add("username", user.username())
                .add("tenants", Json.createArrayBuilder(user.tenants()))
                .add("groups", Json.createArrayBuilder(user.groups()))
                .add("expires_at", token.expiresAt().toString())
                .build()
                .toString();
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
