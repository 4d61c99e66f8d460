package it.com.bakeryia.alerts;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to POST /api/alerts: a precise 400, nothing stored, and the server keeps serving. */
class IngestValidationIT {

    static String publisher;

    @BeforeAll
    static void tokens() {
        publisher = Server.publisherToken();
    }

    record Case(String name, String body, String code, String mentions, String id) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] badBodies() {
        String missing = newId();
        String severity = newId();
        String large = newId();
        return new Case[] {
            new Case("malformed JSON", "{\"id\": \"x\", \"tenant_id\": ", "malformed_json", "JSON", null),
            new Case(
                    "missing title",
                    alert(missing, "bakery-centro", "inventory", "high", "t").replace("\"title\":", "\"name\":"),
                    "missing_field",
                    "'title'",
                    missing),
            new Case(
                    "unknown severity",
                    alert(severity, "bakery-centro", "inventory", "apocalyptic", "t"),
                    "invalid_field",
                    "'severity'",
                    severity),
            new Case(
                    "over 64 KiB",
                    alert(large, "bakery-centro", "inventory", "high", "t")
                            .replace("\"message\":\"from Server\"", "\"message\":\"" + "x".repeat(70_000) + "\""),
                    "too_large",
                    "65536",
                    large),
        };
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void isRefusedWithAJsonErrorNamingTheProblem(Case bad) {
        HttpResponse<String> response = Server.post("api/alerts", publisher, bad.body());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject error = Server.json(response.body());
        assertEquals(bad.code(), error.getString("error"));
        assertTrue(error.getString("message").contains(bad.mentions()), error.getString("message"));

        if (bad.id() != null) {
            var history = Server.jsonArray(Server.get("api/alerts?limit=200", Server.demoToken("alice"))
                    .body());
            assertFalse(
                    history.stream()
                            .map(JsonValue::asJsonObject)
                            .anyMatch(a -> bad.id().equals(a.getString("id"))),
                    "a refused alert was stored");
        }

        // The server keeps serving: a good alert still goes all the way through.
        try (SseClient alice = SseClient.forToken(Server.demoToken("alice"))) {
            String good = newId();
            assertEquals(
                    202,
                    Server.post("api/alerts", publisher, alert(good, "bakery-centro", "inventory", "low", "ok"))
                            .statusCode());
            alice.awaitAlert(good, Duration.ofSeconds(20));
        }
    }

    @Test
    void needsAPublisherToken() {
        String body = alert(newId(), "bakery-centro", "inventory", "low", "t");
        HttpResponse<String> anonymous = Server.post("api/alerts", null, body);
        assertEquals(401, anonymous.statusCode());
        assertEquals("missing_token", Server.json(anonymous.body()).getString("error"));
        HttpResponse<String> forged = Server.post("api/alerts", Tokens.signedByAStranger("bakery-ia-alerts"), body);
        assertEquals(401, forged.statusCode());
        assertEquals("invalid_token", Server.json(forged.body()).getString("error"));

        HttpResponse<String> user = Server.post("api/alerts", Server.demoToken("alice"), body);
        assertEquals(403, user.statusCode());
        assertEquals("forbidden", Server.json(user.body()).getString("error"));
    }

    @Test
    void unknownPathsAnswerJson() {
        HttpResponse<String> response = Server.get("api/no-such-thing", null);
        assertEquals(404, response.statusCode());
        assertEquals("not_found", Server.json(response.body()).getString("error"));
    }
}
