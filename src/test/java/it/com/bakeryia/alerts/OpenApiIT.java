package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /openapi} documents every endpoint, with its error responses and the SSE event names. */
class OpenApiIT {

    static JsonObject document() {
        HttpResponse<String> response = Server.send(HttpRequest.newBuilder(Server.uri("openapi"))
                .header("Accept", "application/json")
                .build());
        assertEquals(200, response.statusCode(), response.body());
        return Server.json(response.body());
    }

    @Test
    void everyEndpointIsDocumentedWithItsErrors() {
        JsonObject paths = document().getJsonObject("paths");
        Map<String, List<String>> expected = Map.of(
                "/api/events", List.of("get"),
                "/api/events/ticket", List.of("post"),
                "/api/alerts", List.of("get", "post"),
                "/api/alerts/{id}/deliveries", List.of("get"),
                "/api/admin/tenants/{tenant}/notifications", List.of("get", "put"),
                "/api/admin/memberships/{user}", List.of("get", "put"),
                "/api/admin/memberships/{user}/tenants/{tenant}", List.of("put", "delete"),
                "/api/auth/demo-login", List.of("post"));
        expected.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), "documented: " + path + " in " + paths.keySet());
            for (String method : methods) {
                JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                assertTrue(operation != null, method + " " + path);
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(
                        responses.keySet().stream().anyMatch(code -> code.startsWith("4")),
                        method + " " + path + " documents its errors: " + responses.keySet());
            }
        });
        assertEquals(expected.size(), paths.size(), "no undocumented or unexpected path: " + paths.keySet());
    }

    @Test
    void theStreamNamesItsEvents() {
        String description = document()
                .getJsonObject("paths")
                .getJsonObject("/api/events")
                .getJsonObject("get")
                .getString("description");
        for (String event : List.of(
                "connection",
                "heartbeat",
                "<service>_alert",
                "notification",
                "resync",
                "token_expired",
                "slow_consumer",
                "tenants_changed")) {
            assertTrue(description.contains(event), "names " + event);
        }
    }

    @Test
    void theUiIsServed() {
        HttpResponse<String> ui = Server.get("openapi/ui/", null);
        assertEquals(200, ui.statusCode());
    }
}
