package it.com.bakeryia.alerts.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that forgot its key and runs with the demo login off ({@code DEMO_LOGIN=off}, no
 * {@code MP_JWT_VERIFY_PUBLICKEY}, no HS256 secret: the fail-closed server the build starts beside
 * the main one) hands out no token, accepts none, says why once in its log and is not ready.
 */
public class FailClosedIT {

    static final URI BASE = URI.create(System.getProperty("it.closed.url", "http://localhost:9080") + "/");
    static final Path LOGS = Path.of(System.getProperty("it.closed.logs", "target"));

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return Server.send(request.build());
    }

    @Test
    void theDemoLoginAnswers404Json() {
        HttpResponse<String> login = send(HttpRequest.newBuilder(BASE.resolve("api/auth/demo-login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"alice\"}")));
        assertEquals(404, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject error = Server.json(login.body());
        assertEquals("not_found", error.getString("error"));
        assertTrue(error.getString("message").contains("DEMO_LOGIN=off"), error.getString("message"));
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "no token cookie either");
    }

    @Test
    void readinessIsDownNamingTheReason() {
        HttpResponse<String> ready =
                send(HttpRequest.newBuilder(BASE.resolve("health/ready")).GET());
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject tokens =
                Server.json(ready.body()).getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
                        .filter(c -> c.getString("name").equals("tokens"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("DOWN", tokens.getString("status"));
        assertTrue(tokens.getJsonObject("data").getString("reason").contains("accepts no token"), tokens.toString());
        assertEquals(
                200,
                send(HttpRequest.newBuilder(BASE.resolve("health/live")).GET()).statusCode(),
                "alive, only not ready");
    }

    @Test
    void noTokenIsAccepted() {
        for (String token : List.of(Tokens.signedByAStranger(Tokens.ISSUER), Tokens.user("hs-user", "bakery-centro"))) {
            HttpResponse<String> history = send(HttpRequest.newBuilder(BASE.resolve("api/alerts"))
                    .header("Authorization", "Bearer " + token)
                    .GET());
            assertEquals(401, history.statusCode(), history.body());
            assertEquals("invalid_token", Server.json(history.body()).getString("error"));
        }
    }

    @Test
    void saysSoInOneLineOfItsLog() throws IOException {
        // The application's own start-up line (Liberty's health feature also logs each DOWN
        // readiness response, CWMMH0052W, with the reason: that is not the application's line).
        List<String> lines = Files.readAllLines(LOGS.resolve("messages.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("accepts no token") && !l.contains("CWMMH0052W"))
                .toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(
                lines.get(0).contains("DEMO_LOGIN=off") && lines.get(0).contains("MP_JWT_VERIFY_PUBLICKEY"),
                lines.get(0));
    }
}
