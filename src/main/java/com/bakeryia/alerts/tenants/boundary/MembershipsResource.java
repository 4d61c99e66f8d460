package com.bakeryia.alerts.tenants.boundary;

import com.bakeryia.alerts.auth.control.Caller;
import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonInput;
import com.bakeryia.alerts.tenants.control.Memberships;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/memberships/{user}}: which tenants a user whose token carries no
 * {@code tenants} claim may stream. Callers need the {@value Caller#ALERTS_ADMIN} group (enforced by
 * the access filter from the class's {@code @RolesAllowed}).
 * <ul>
 *   <li>{@code GET} — {@code {"user": "...", "tenants": [...]}}</li>
 *   <li>{@code PUT} with {@code {"tenants": [...]}} — replaces them all</li>
 *   <li>{@code PUT .../tenants/{tenant}} — adds one (201 if new, 204 if it was there)</li>
 *   <li>{@code DELETE .../tenants/{tenant}} — removes one (204, or 404 if it was not there)</li>
 * </ul>
 * Changes take effect on every server at once (cache invalidation over the fan-out), and each is
 * logged with the administrator who made it.
 */
@Tag(name = "Memberships", description = "Tenants of users whose tokens carry none (group alerts-admin)")
@Path("admin/memberships/{user}")
@RolesAllowed(Caller.ALERTS_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MembershipsResource {

    private static final Logger LOG = Logger.getLogger(MembershipsResource.class.getName());
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+:-]{0,127}");
    private static final int MAX_TENANTS = 1000;

    @Inject
    Memberships memberships;

    @Inject
    JsonWebToken admin;

    @Operation(summary = "A user's tenants")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "{\"user\", \"tenants\"}")
    @APIResponse(responseCode = "400", description = "invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden: the token lacks the group")
    @GET
    public String get(@PathParam("user") String user) {
        return body(valid(user, USER, "user"), memberships.stored(user));
    }

    @Operation(summary = "Replace a user's tenants")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "{\"user\", \"tenants\"}")
    @APIResponse(
            responseCode = "400",
            description = "malformed_json, missing_field, invalid_field or invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden: the token lacks the group")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String replace(@PathParam("user") String user, String json) {
        valid(user, USER, "user");
        List<String> tenants = memberships.replace(user, tenants(json));
        LOG.info(() -> admin.getName() + " set the tenants of " + user + " to " + tenants);
        return body(user, tenants);
    }

    @Operation(summary = "Add a user to a tenant")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "204", description = "Was a member already")
    @APIResponse(responseCode = "400", description = "invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden: the token lacks the group")
    @PUT
    @Path("tenants/{tenant}")
    public Response add(@PathParam("user") String user, @PathParam("tenant") String tenant) {
        boolean added = memberships.add(valid(user, USER, "user"), valid(tenant, Identifiers.ID, "tenant"));
        if (added) {
            LOG.info(() -> admin.getName() + " added " + user + " to tenant " + tenant);
        }
        return added
                ? Response.status(Response.Status.CREATED)
                        .entity(body(user, memberships.stored(user)))
                        .build()
                : Response.noContent().build();
    }

    @Operation(summary = "Remove a user from a tenant")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "invalid_parameter")
    @APIResponse(responseCode = "401", description = "missing_token, invalid_token or token_expired")
    @APIResponse(responseCode = "403", description = "forbidden: the token lacks the group")
    @APIResponse(responseCode = "404", description = "not_a_member")
    @DELETE
    @Path("tenants/{tenant}")
    public Response remove(@PathParam("user") String user, @PathParam("tenant") String tenant) {
        if (!memberships.remove(valid(user, USER, "user"), valid(tenant, Identifiers.ID, "tenant"))) {
            throw ApiProblem.notFound("not_a_member", "The user is not a member of that tenant.");
        }
        LOG.info(() -> admin.getName() + " removed " + user + " from tenant " + tenant);
        return Response.noContent().build();
    }

    private static String valid(String value, Pattern pattern, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiProblem.badRequest("invalid_parameter", "The " + name + " id is not valid.");
        }
        return value;
    }

    /** The tenants of a {@code PUT} body; @throws ApiProblem 400 naming what is wrong with it */
    static List<String> tenants(String json) {
        JsonValue value;
        try {
            value = JsonInput.read(json);
        } catch (JsonInput.BadJson e) {
            throw ApiProblem.badRequest(
                    e.code(), e.getMessage() + " The body must be a JSON object like {\"tenants\": [\"a\"]}.");
        }
        if (!(value instanceof JsonObject object) || !(object.get("tenants") instanceof JsonArray array)) {
            throw ApiProblem.badRequest("missing_field", "The field 'tenants' (an array of tenant ids) is required.");
        }
        if (array.size() > MAX_TENANTS) {
            throw ApiProblem.badRequest("invalid_field", "At most " + MAX_TENANTS + " tenants per user.");
        }
        List<String> tenants = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString tenant)
                    || !Identifiers.ID.matcher(tenant.getString()).matches()) {
                throw ApiProblem.badRequest(
                        "invalid_field",
                        "Every tenant must be a string of up to 64 letters, digits, '.', '_', ':' or '-'.");
            }
            tenants.add(tenant.getString());
        }
        return tenants;
    }

    private static String body(String user, List<String> tenants) {
        return Json.createObjectBuilder()
                .add("user", user)
                .add("tenants", Json.createArrayBuilder(tenants))
                .build()
                .toString();
    }
}
