package it.com.bakeryia.alerts.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The notification APIs as the tests use them: settings per tenant, deliveries per alert. */
public final class Notifications {

    private Notifications() {}

    /** A tenant administrator of these tenants (a token the test servers accept). */
    public static String tenantAdmin(String user, String... tenants) {
        return Tokens.hs256(user, List.of(tenants), List.of("user", "tenant-admin"));
    }

    public static HttpResponse<String> putSettings(String tenant, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri(settingsPath(tenant)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Server.send(request.build());
    }

    /** Stores settings as the tenant's own administrator, failing the test if the server refuses. */
    public static void settings(String tenant, String json) {
        HttpResponse<String> response = putSettings(tenant, tenantAdmin("admin-of-" + tenant, tenant), json);
        if (response.statusCode() != 200) {
            throw new AssertionError("settings refused: " + response.statusCode() + " " + response.body());
        }
    }

    public static String settingsPath(String tenant) {
        return "api/admin/tenants/" + tenant + "/notifications";
    }

    /** The alert's deliveries, or null while the alert is not stored yet (404). */
    public static JsonArray deliveries(String alertId, String tenant) {
        HttpResponse<String> response =
                Server.get("api/alerts/" + alertId + "/deliveries", Tokens.user("member-of-" + tenant, tenant));
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("deliveries: " + response.statusCode() + " " + response.body());
        }
        return Server.json(response.body()).getJsonArray("deliveries");
    }

    /** {@code channel:recipient:status} of each delivery, for readable assertions. */
    public static List<String> summary(JsonArray deliveries) {
        return deliveries == null
                ? null
                : deliveries.stream()
                        .map(JsonObject.class::cast)
                        .map(d -> d.getString("channel") + ":" + d.getString("recipient") + ":" + d.getString("status"))
                        .sorted()
                        .collect(Collectors.toList());
    }
}
