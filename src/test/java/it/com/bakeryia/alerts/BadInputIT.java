package it.com.bakeryia.alerts;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.JsonMutations;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.ServerLog;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No body causes a 500: the two deep bodies of the issue, invalid UTF-8 and NUL, and a bounded
 * number of mutated bodies at every endpoint that reads JSON, each answered 2xx or 4xx with a JSON
 * error, and no ERROR with a stack trace in the server's log. (Settings bodies do not exist yet.)
 */
class BadInputIT {

    /** Alerts the fuzzing gets accepted go to a tenant of their own, out of other tests' way. */
    static final String TENANT = "fuzz-tenant";

    static final int BODIES_PER_ENDPOINT = 60;

    static ServerLog log;
    static String publisher;
    static String admin;

    @BeforeAll
    static void start() {
        log = ServerLog.mark();
        publisher = Server.publisherToken();
        admin = Server.demoToken("admin");
    }

    @AfterAll
    static void noStackTraceAtError() {
        var traces = log.stackTracesSince();
        assertTrue(traces.isEmpty(), "ERROR with a stack trace in messages.log:\n" + String.join("\n", traces));
    }

    static String deepObject() {
        return JsonMutations.deepObject(5_000);
    }

    static String deepMetadata(String id) {
        return alert(id, TENANT, "inventory", "high", "Deep")
                .replace(
                        "\"metadata\":{\"sku\":\"FLOUR-1\"}",
                        "\"metadata\":{\"d\":" + JsonMutations.deepArray(3_000) + "}");
    }

    @Test
    void theTwoDeepBodiesAreA400TooDeep() {
        String id = newId();
        for (String body : new String[] {deepObject(), deepMetadata(id)}) {
            HttpResponse<String> response = Server.post("api/alerts", publisher, body);
            JsonObject error = jsonError(response, 400);
            assertEquals("too_deep", error.getString("error"));
            assertTrue(error.getString("message").contains("64"), error.getString("message"));
        }
        assertEquals(
                0,
                Server.jsonArray(Server.get("api/alerts?tenant=" + TENANT, fuzzReader())
                                .body())
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .filter(a -> id.equals(a.getString("id")))
                        .count());
    }

    @Test
    void theMembershipAndDemoLoginBodiesRefuseDeepNestingToo() {
        assertEquals("too_deep", jsonError(putMemberships(deepObject()), 400).getString("error"));
        assertEquals(
                "too_deep",
                jsonError(putMemberships("{\"tenants\": [" + JsonMutations.deepArray(3_000) + "]}"), 400)
                        .getString("error"));
        assertEquals(
                "too_deep",
                jsonError(Server.post("api/auth/demo-login", null, deepObject()), 400)
                        .getString("error"));
    }

    @Test
    void invalidUtf8AndNulAreA400() {
        String good = alert(newId(), TENANT, "inventory", "high", "t\u00e9");
        byte[] latin1 = good.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                "malformed_json",
                jsonError(postBytes("api/alerts", publisher, latin1), 400).getString("error"));
        String escapedNul = alert(newId(), TENANT, "inventory", "high", "nul\0byte"); // the builder writes \u0000
        assertTrue(escapedNul.contains("\\u0000"), escapedNul);
        byte[] rawNul = escapedNul.replace("\\u0000", "\0").getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "malformed_json",
                jsonError(postBytes("api/alerts", publisher, rawNul), 400).getString("error"));
        JsonObject error = jsonError(Server.post("api/alerts", publisher, escapedNul), 400);
        assertEquals("invalid_field", error.getString("error"));
        assertTrue(error.getString("message").contains("'title'"), error.getString("message"));
    }

    @Test
    void mutatedBodiesAtEveryJsonEndpointGetASuccessOrAJson4xx() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alertDocument = alert(newId(), TENANT, "inventory", "high", "Fuzz");
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            byte[] body = JsonMutations.mutate(alertDocument, random);
            assertSuccessOrJson4xx(postBytes("api/alerts", publisher, body), seed);
        }
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            byte[] body = JsonMutations.mutate("{\"tenants\": [\"" + TENANT + "\", \"fuzz-other\"]}", random);
            assertSuccessOrJson4xx(
                    Server.send(HttpRequest.newBuilder(Server.uri("api/admin/memberships/fuzz-user"))
                            .header("Authorization", "Bearer " + admin)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build()),
                    seed);
        }
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            byte[] body = JsonMutations.mutate("{\"username\": \"alice\", \"ttl_seconds\": 60}", random);
            assertSuccessOrJson4xx(postBytes("api/auth/demo-login", null, body), seed);
        }
        // The queue and its consumer came through: a good alert after all that is stored.
        String after = newId();
        assertEquals(
                202,
                Server.post("api/alerts", publisher, alert(after, TENANT, "inventory", "low", "After"))
                        .statusCode());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        Server.jsonArray(Server.get("api/alerts?tenant=" + TENANT + "&limit=200", fuzzReader())
                                        .body())
                                .stream()
                                .map(JsonValue::asJsonObject)
                                .anyMatch(a -> after.equals(a.getString("id"))));
    }

    static String fuzzReader() {
        return Tokens.user("fuzz-reader", TENANT);
    }

    static HttpResponse<String> putMemberships(String body) {
        return Server.send(HttpRequest.newBuilder(Server.uri("api/admin/memberships/fuzz-user"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static HttpResponse<String> postBytes(String path, String bearer, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Server.send(request.build());
    }

    static JsonObject jsonError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonObject error = Server.json(response.body());
        assertTrue(error.containsKey("error") && error.containsKey("message"), response.body());
        return error;
    }

    static void assertSuccessOrJson4xx(HttpResponse<String> response, long seed) {
        int status = response.statusCode();
        String context = "seed " + seed + ": " + status + " " + response.body();
        assertTrue(status >= 200 && status < 500, context);
        if (status >= 400) {
            assertTrue(
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), context);
            JsonObject error = Server.json(response.body());
            assertTrue(error.containsKey("error") && error.containsKey("message"), context);
        }
    }
}
