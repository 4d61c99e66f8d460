package it.com.bakeryia.alerts;

import static it.com.bakeryia.alerts.StreamAuthIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Tenants from the membership table for tokens without a tenants claim, managed by admins. */
class MembershipsIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ADMIN = Tokens.hs256("ops-admin", null, List.of("alerts-admin"));

    static HttpResponse<String> admin(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri("api/admin/memberships/" + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Server.send(request.build());
    }

    /** A token with no tenants claim: the membership table decides. */
    static String memberToken(String user) {
        return Tokens.hs256(user, null, List.of("user"));
    }

    @Test
    void aUserWithoutTheClaimStreamsTheTenantsTheTableGivesUntilTheyAreRemoved() {
        String user = "member-" + Server.newId();
        String tenant = "mt-" + Server.newId().substring(0, 8);
        assertRefused(SseClient.forToken(memberToken(user)), 403, "no_tenant");

        assertEquals(201, admin("PUT", user + "/tenants/" + tenant, ADMIN, null).statusCode());
        assertEquals(
                204,
                admin("PUT", user + "/tenants/" + tenant, ADMIN, null).statusCode(),
                "adding twice changes nothing");
        assertEquals(
                "[\"" + tenant + "\"]",
                Server.json(admin("GET", user, ADMIN, null).body())
                        .getJsonArray("tenants")
                        .toString());

        try (SseClient stream = SseClient.forToken(memberToken(user))) {
            assertEquals(200, stream.status(), stream.errorBody());
            assertEquals(
                    "[\"" + tenant + "\"]",
                    stream.next(Duration.ofSeconds(10))
                            .json()
                            .getJsonArray("tenants")
                            .toString());
            String id = Server.newId();
            assertEquals(
                    202,
                    Server.post(
                                    "api/alerts",
                                    Server.publisherToken(),
                                    Server.alert(id, tenant, "inventory", "high", "member alert"))
                            .statusCode());
            stream.awaitAlert(id, Duration.ofSeconds(20));
        }
        assertRefused(
                SseClient.open("api/events?tenant=bakery-centro&token=" + memberToken(user)), 403, "tenant_forbidden");

        // Removal is seen at once: the cache entry is dropped on change, not at its expiry.
        assertEquals(
                204, admin("DELETE", user + "/tenants/" + tenant, ADMIN, null).statusCode());
        assertRefused(SseClient.forToken(memberToken(user)), 403, "no_tenant");
        assertEquals(
                404, admin("DELETE", user + "/tenants/" + tenant, ADMIN, null).statusCode());
    }

    @Test
    void openStreamsFollowAChangeOfMembershipsAndStreamsOfTheClaimDoNot() {
        String user = "member-" + Server.newId();
        String first = "mt-" + Server.newId().substring(0, 8);
        String second = "mt-" + Server.newId().substring(0, 8);
        assertEquals(201, admin("PUT", user + "/tenants/" + first, ADMIN, null).statusCode());
        try (SseClient member = SseClient.forToken(memberToken(user));
                SseClient claimed = SseClient.forToken(Tokens.user(user, first))) {
            assertEquals("connection", member.next(WAIT).name());
            assertEquals("connection", claimed.next(WAIT).name());
            String seen = Server.newId();
            assertEquals(
                    202,
                    Server.post(
                                    "api/alerts",
                                    Server.publisherToken(),
                                    Server.alert(seen, first, "inventory", "high", "before the change"))
                            .statusCode());
            String lastId = member.awaitAlert(seen, WAIT).id();

            // A tenant added: the stream ends so that the client comes back for both.
            assertEquals(
                    201, admin("PUT", user + "/tenants/" + second, ADMIN, null).statusCode());
            SseEvent changed = member.await(e -> "tenants_changed".equals(e.name()), WAIT);
            assertTrue(changed.json().getString("message").contains("reconnect"));
            Awaitility.await().atMost(WAIT).until(member::ended);

            try (SseClient again = SseClient.open("api/events?lastEventId=" + lastId + "&token=" + memberToken(user))) {
                assertEquals(
                        List.of(first, second).stream().sorted().toList(),
                        again.next(WAIT).json().getJsonArray("tenants").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .sorted()
                                .toList());
                // A tenant removed: ends as well; reconnecting gets the remaining one only.
                assertEquals(
                        204,
                        admin("DELETE", user + "/tenants/" + first, ADMIN, null).statusCode());
                again.await(e -> "tenants_changed".equals(e.name()), WAIT);
                Awaitility.await().atMost(WAIT).until(again::ended);
            }
            try (SseClient remaining = SseClient.forToken(memberToken(user))) {
                assertEquals(
                        "[\"" + second + "\"]",
                        remaining.next(WAIT).json().getJsonArray("tenants").toString());
            }

            // The stream whose tenants the token names was never touched, and still delivers.
            String still = Server.newId();
            assertEquals(
                    202,
                    Server.post(
                                    "api/alerts",
                                    Server.publisherToken(),
                                    Server.alert(still, first, "inventory", "low", "after the change"))
                            .statusCode());
            List<SseEvent> before = new ArrayList<>();
            claimed.awaitCollecting(e -> e.isAlert() && still.equals(e.json().getString("id")), WAIT, before);
            assertFalse(before.stream().anyMatch(e -> "tenants_changed".equals(e.name())), "got " + before);
        }
    }

    @Test
    void replacingSetsExactlyTheGivenTenants() {
        String user = "member-" + Server.newId();
        HttpResponse<String> replaced = admin("PUT", user, ADMIN, "{\"tenants\": [\"t-b\", \"t-a\", \"t-b\"]}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(
                "[\"t-a\",\"t-b\"]",
                Server.json(replaced.body()).getJsonArray("tenants").toString());
        try (SseClient stream = SseClient.forToken(memberToken(user))) {
            assertEquals(
                    2,
                    stream.next(Duration.ofSeconds(10))
                            .json()
                            .getJsonArray("tenants")
                            .size());
        }
        assertEquals(200, admin("PUT", user, ADMIN, "{\"tenants\": []}").statusCode());
        assertRefused(SseClient.forToken(memberToken(user)), 403, "no_tenant");
    }

    @Test
    void aTenantsClaimWinsOverTheTable() {
        String user = "claimed-" + Server.newId();
        assertEquals(
                201, admin("PUT", user + "/tenants/bakery-norte", ADMIN, null).statusCode());
        String claimed = Tokens.user(user, "bakery-centro");
        assertRefused(SseClient.open("api/events?tenant=bakery-norte&token=" + claimed), 403, "tenant_forbidden");
    }

    @Test
    void onlyAdminsManageMembershipsAndBadInputIsExplained() {
        assertStatus(admin("GET", "someone", null, null), 401, "missing_token");
        assertStatus(admin("GET", "someone", Server.demoToken("alice"), null), 403, "forbidden");
        assertStatus(admin("GET", "someone", Tokens.wrongIssuer(), null), 401, "invalid_token");
        assertStatus(admin("PUT", "someone/tenants/bad%20tenant", ADMIN, null), 400, "invalid_parameter");
        assertStatus(admin("PUT", "someone", ADMIN, "{"), 400, "malformed_json");
        assertStatus(admin("PUT", "someone", ADMIN, "{\"tenants\": \"t-a\"}"), 400, "missing_field");
        assertStatus(admin("PUT", "someone", ADMIN, "{\"tenants\": [42]}"), 400, "invalid_field");
    }

    private static void assertStatus(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Server.json(response.body()).getString("error"));
    }
}
