package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may open /api/events, and what everyone else is told. */
public class StreamAuthIT {

    public static void assertRefused(SseClient client, int status, String code) {
        try (client) {
            assertEquals(status, client.status(), client.errorBody());
            assertTrue(client.contentType().startsWith("application/json"), client.contentType());
            JsonObject error = Server.json(client.errorBody());
            assertEquals(code, error.getString("error"));
            assertTrue(error.getString("message").length() > 10);
        }
    }

    /** The ways a client can present a token to the stream. */
    enum Channel {
        HEADER,
        COOKIE,
        QUERY,
        TICKET;

        /** Opens a stream with the token (or without one, for null); for TICKET, first asks for a ticket. */
        SseClient open(String token) {
            return switch (this) {
                case HEADER ->
                    token == null
                            ? SseClient.open("api/events")
                            : SseClient.open("api/events", "Authorization", "Bearer " + token);
                case COOKIE ->
                    token == null
                            ? SseClient.open("api/events")
                            : SseClient.open("api/events", "Cookie", "bakery_alerts_token=" + token);
                case QUERY -> token == null ? SseClient.open("api/events?token=") : SseClient.forToken(token);
                case TICKET -> throw new UnsupportedOperationException("tickets are asked for with POST");
            };
        }
    }

    static HttpResponse<String> askForTicket(String token) {
        return Server.send(HttpRequest.newBuilder(Server.uri("api/events/ticket"))
                .header("Authorization", token == null ? "" : "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static String ticketFor(String token) {
        HttpResponse<String> response = askForTicket(token);
        assertEquals(200, response.statusCode(), response.body());
        return Server.json(response.body()).getString("ticket");
    }

    static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(code, Server.json(response.body()).getString("error"));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyBadTokenGets401ThroughEveryChannel(Channel channel) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("missing", null);
        bad.put("bad signature", Tokens.signedByAStranger(Tokens.ISSUER));
        bad.put("wrong issuer", Tokens.wrongIssuer());
        bad.put("expired", Tokens.expired());
        bad.put("alg none", Tokens.unsigned(Tokens.ISSUER));
        bad.put("garbage", "not-a-jwt");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            String expected = token.getValue() == null
                    ? "missing_token"
                    : token.getKey().equals("expired") ? "token_expired" : "invalid_token";
            if (channel == Channel.TICKET) {
                assertRefused(askForTicket(token.getValue()), 401, expected);
            } else {
                assertRefused(channel.open(token.getValue()), 401, expected);
            }
        }
        // The same tokens, well-formed and signed with the trusted secret, are accepted: the
        // refusals above are about what is wrong with each, not about the channel.
        String good = Tokens.user("hs-user", "bakery-centro");
        try (SseClient client = channel == Channel.TICKET
                ? SseClient.open("api/events?ticket=" + ticketFor(good))
                : channel.open(good)) {
            assertEquals(200, client.status(), client.errorBody());
            assertEquals("hs-user", client.next(Duration.ofSeconds(10)).json().getString("user"));
        }
    }

    @Test
    void aTicketIsGoodForOneStreamOnly() {
        HttpResponse<String> issued = askForTicket(Server.demoToken("alice"));
        assertEquals(200, issued.statusCode());
        assertTrue(issued.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonObject body = Server.json(issued.body());
        assertTrue(body.getInt("expires_in") <= Integer.getInteger("it.ticket.seconds", 30));
        String ticket = body.getString("ticket");
        try (SseClient first = SseClient.open("api/events?ticket=" + ticket)) {
            assertEquals(200, first.status(), first.errorBody());
            assertEquals("alice", first.next(Duration.ofSeconds(10)).json().getString("user"));
            assertRefused(SseClient.open("api/events?ticket=" + ticket), 401, "invalid_ticket");
        }
        assertRefused(SseClient.open("api/events?ticket=" + ticket), 401, "invalid_ticket");
        assertRefused(SseClient.open("api/events?ticket=made-up"), 401, "invalid_ticket");
    }

    @Test
    void anExpiredTicketIsRefused() throws InterruptedException {
        String ticket = ticketFor(Server.demoToken("alice"));
        Thread.sleep((Integer.getInteger("it.ticket.seconds", 30) + 1) * 1000L);
        assertRefused(SseClient.open("api/events?ticket=" + ticket), 401, "invalid_ticket");
    }

    @Test
    void theDemoLoginSetsAnHttpOnlyCookieForTheStream() {
        HttpResponse<String> login = Server.post("api/auth/demo-login", null, "{\"username\": \"bob\"}");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("bakery_alerts_token="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/api/events"), cookie);
        String token = cookie.substring("bakery_alerts_token=".length(), cookie.indexOf(';'));
        try (SseClient client = Channel.COOKIE.open(token)) {
            assertEquals(200, client.status());
            assertEquals("bob", client.next(Duration.ofSeconds(10)).json().getString("user"));
        }
    }

    @Test
    void theOptInHs256SecretServesTheWholeApi() {
        assertEquals(
                200,
                Server.get("api/alerts", Tokens.user("hs-reader", "bakery-centro"))
                        .statusCode());
        assertEquals(
                403,
                Server.get("api/alerts?tenant=bakery-norte", Tokens.user("hs-reader", "bakery-centro"))
                        .statusCode());
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
    void aTokenThatExpiresIsRefusedFromThenOn() {
        // Three seconds: exp has whole seconds, so a one-second token could expire before its first
        // use on a loaded machine (seen in CI).
        String shortLived = Server.demoToken("alice", 3);
        try (SseClient fresh = SseClient.forToken(shortLived)) {
            assertEquals(200, fresh.status(), "valid before it expires");
        }
        // The server tolerates the configured clock skew (0 s in the integration tests).
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try (SseClient client = SseClient.forToken(shortLived)) {
                        return client.status() == 401;
                    }
                });
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
        assertRefused(
                SseClient.open("api/events?tenant=bakery-norte&token=" + Server.demoToken("alice")),
                403,
                "tenant_forbidden");
        try (SseClient narrowed = SseClient.open("api/events?tenant=bakery-norte&token=" + Server.demoToken("carol"))) {
            assertEquals(200, narrowed.status());
            assertEquals(
                    "[\"bakery-norte\"]",
                    narrowed.next(Duration.ofSeconds(10))
                            .json()
                            .getJsonArray("tenants")
                            .toString());
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
        HttpResponse<String> ttl =
                Server.post("api/auth/demo-login", null, "{\"username\": \"bob\", \"ttl_seconds\": 0}");
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
            SseClient.open("api/events", "Cookie", "bakery_alerts_token=" + token)
                    .close();
            askForTicket(token);
            Server.get("api/alerts", token);
            Server.post("api/alerts", token, "{}");
        }
        String ticket = ticketFor(valid);
        SseClient.open("api/events?ticket=" + ticket).close();
        Path logs = Path.of(System.getProperty("it.server.logs"));
        assertTrue(Files.exists(logs.resolve("http_access.log")), "the access log is on, and read too");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String token : new String[] {forged, expired, valid}) {
                    String signature = token.substring(token.lastIndexOf('.') + 1);
                    assertFalse(text.contains(signature), "a token is in " + file);
                }
                assertFalse(text.contains(ticket), "a ticket is in " + file);
            }
        }
    }
}
