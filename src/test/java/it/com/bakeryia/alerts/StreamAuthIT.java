package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Who may open /api/events, and what everyone else is told. */
class StreamAuthIT {

    static void assertRefused(SseClient client, int status, String code) {
        try (client) {
            assertEquals(status, client.status(), client.errorBody());
            assertTrue(client.contentType().startsWith("application/json"), client.contentType());
            JsonObject error = Server.json(client.errorBody());
            assertEquals(code, error.getString("error"));
            assertTrue(error.getString("message").length() > 10);
        }
    }

    @Test
    void noTokenGets401() {
        assertRefused(SseClient.open("api/events"), 401, "missing_token");
    }

    @Test
    void aTokenWithABadSignatureGets401() {
        String forged = Tokens.signedByAStranger("bakery-ia-alerts");
        assertRefused(SseClient.forToken(forged), 401, "invalid_token");
        assertRefused(SseClient.open("api/events", "Authorization", "Bearer " + forged), 401, "invalid_token");
        assertRefused(SseClient.open("api/events", "Authorization", "Basic YWxpY2U6c2VjcmV0"), 401, "invalid_token");
    }

    @Test
    void anUnsignedTokenGets401() {
        String unsigned = Tokens.unsigned("bakery-ia-alerts");
        assertRefused(SseClient.forToken(unsigned), 401, "invalid_token");
        assertRefused(SseClient.open("api/events", "Authorization", "Bearer " + unsigned), 401, "invalid_token");
        assertEquals(401, Server.post("api/alerts", unsigned, "{}").statusCode());
    }

    @Test
    void aTamperedTokenGets401() {
        String token = Server.demoToken("alice");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        assertRefused(SseClient.forToken(tampered), 401, "invalid_token");
        assertRefused(SseClient.forToken("not-a-jwt"), 401, "invalid_token");
    }

    @Test
    void anExpiredTokenGets401ThroughQueryAndHeader() {
        String shortLived = Server.demoToken("alice", 1);
        try (SseClient fresh = SseClient.forToken(shortLived)) {
            assertEquals(200, fresh.status(), "valid before it expires");
        }
        // The server tolerates the configured clock skew (0 s in the integration tests).
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (SseClient client = SseClient.forToken(shortLived)) {
                return client.status() == 401;
            }
        });
        assertRefused(SseClient.forToken(shortLived), 401, "token_expired");
        assertRefused(SseClient.open("api/events", "Authorization", "Bearer " + shortLived), 401, "token_expired");
        HttpResponse<String> history = Server.get("api/alerts", shortLived);
        assertEquals(401, history.statusCode());
        assertEquals("token_expired", Server.json(history.body()).getString("error"));
    }

    @Test
    void theHeaderWorksAsWellAsTheQuery() {
        try (SseClient client = SseClient.open("api/events", "Authorization", "Bearer " + Server.demoToken("bob"))) {
            assertEquals(200, client.status());
            assertEquals("bob", client.next(Duration.ofSeconds(10)).json().getString("user"));
        }
    }

    @Test
    void aTenantOutsideTheTokenGets403() {
        assertRefused(SseClient.open("api/events?tenant=bakery-norte&token=" + Server.demoToken("alice")),
                403, "tenant_forbidden");
        try (SseClient narrowed = SseClient.open("api/events?tenant=bakery-norte&token=" + Server.demoToken("carol"))) {
            assertEquals(200, narrowed.status());
            assertEquals("[\"bakery-norte\"]",
                    narrowed.next(Duration.ofSeconds(10)).json().getJsonArray("tenants").toString());
        }
    }

    @Test
    void aUserWithoutTenantsGets403() {
        assertRefused(SseClient.forToken(Server.publisherToken()), 403, "no_tenant");
    }

    @Test
    void theDemoLoginExplainsItsRefusals() {
        HttpResponse<String> unknown = Server.post("api/auth/demo-login", null, "{\"username\": \"eve\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("unknown_user", Server.json(unknown.body()).getString("error"));
        HttpResponse<String> malformed = Server.post("api/auth/demo-login", null, "{");
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed_json", Server.json(malformed.body()).getString("error"));
        HttpResponse<String> ttl = Server.post("api/auth/demo-login", null, "{\"username\": \"bob\", \"ttl_seconds\": 0}");
        assertEquals(400, ttl.statusCode());
    }

    @Test
    void noTokenEverReachesTheServerLogs() throws IOException {
        String forged = Tokens.signedByAStranger("bakery-ia-alerts");
        String expired = Server.demoToken("bob", 1);
        String valid = Server.demoToken("carol");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (SseClient client = SseClient.forToken(expired)) {
                return client.status() == 401;
            }
        });
        for (String token : new String[] {forged, expired, valid}) {
            SseClient.forToken(token).close();
            SseClient.open("api/events", "Authorization", "Bearer " + token).close();
            Server.get("api/alerts", token);
            Server.post("api/alerts", token, "{}");
        }
        Path logs = Path.of(System.getProperty("it.server.logs"));
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String token : new String[] {forged, expired, valid}) {
                    String signature = token.substring(token.lastIndexOf('.') + 1);
                    assertFalse(text.contains(signature), "a token is in " + file);
                }
            }
        }
    }
}
