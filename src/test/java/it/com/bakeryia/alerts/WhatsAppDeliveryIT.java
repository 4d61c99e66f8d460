package it.com.bakeryia.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp notifications against a local stand-in for Twilio's Messages API (WireMock on
 * {@code it.twilio.port}, where the test server's {@code TWILIO_API_BASE_URL} points): the exact
 * request Twilio gets, and what each of its answers does to the delivery — 201 sent; 429 (after its
 * {@code Retry-After}) and 500 tried again until sent; 400 failed at once with Twilio's error code,
 * never retried. Each test has its own tenant and recipient number, so nothing left over from another
 * test can match its stubs.
 */
class WhatsAppDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SID = System.getProperty("it.twilio.sid");
    static final String TOKEN = System.getProperty("it.twilio.token");
    static final String FROM = System.getProperty("it.twilio.from");
    static final String DASHBOARD = System.getProperty("it.dashboard.url");
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    static WireMockServer twilio;
    static String admin;
    static String publisher;

    String tenant;
    String number;
    String member;

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(WireMockConfiguration.options().port(Integer.getInteger("it.twilio.port")));
        twilio.start();
        admin = Server.demoToken("admin");
        publisher = Server.publisherToken();
    }

    @AfterAll
    static void stopTwilio() {
        if (twilio != null) {
            twilio.stop();
        }
    }

    @BeforeEach
    void tenantOfItsOwn() {
        twilio.resetAll();
        tenant = "wa-" + Server.newId().substring(0, 8);
        number = "+3460" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        member = Tokens.user("wa-member-" + tenant, tenant);
        String settings = Json.createObjectBuilder()
                .add(
                        "recipients",
                        Json.createObjectBuilder()
                                .add("whatsapp", Json.createArrayBuilder().add(number)))
                .add(
                        "rules",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add(
                                                "severity",
                                                Json.createArrayBuilder().add("urgent"))
                                        .add(
                                                "channels",
                                                Json.createArrayBuilder().add("whatsapp"))))
                .add("group_window_seconds", 0)
                .build()
                .toString();
        HttpResponse<String> response =
                Server.send(HttpRequest.newBuilder(Server.uri("api/admin/tenants/" + tenant + "/notifications"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(settings))
                        .build());
        assertEquals(200, response.statusCode(), response.body());
    }

    @AfterEach
    void forgetRequests() {
        twilio.resetAll();
    }

    @Test
    void anUrgentAlertIsSentAsTheExactRequestTwilioExpectsAndA201MarksItSent() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + number))
                .willReturn(created()));
        String id = Server.newId();
        publish(id, "Oven 2 failed", "Temperature dropped to 80 °C during the night bake.");

        JsonObject delivery = awaitDelivery(id, "sent");
        assertEquals("whatsapp", delivery.getString("channel"));
        assertEquals(number, delivery.getString("recipient"));
        assertEquals(1, delivery.getInt("attempts"));
        assertTrue(delivery.isNull("last_error"), delivery.toString());
        assertTrue(!delivery.isNull("sent_at"), delivery.toString());

        List<LoggedRequest> requests = requestsTo(number);
        assertEquals(1, requests.size(), "one request to Twilio");
        LoggedRequest request = requests.get(0);
        assertEquals(MESSAGES, request.getUrl());
        assertTrue(
                request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"),
                request.getHeader("Content-Type"));
        String expectedAuth =
                "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        // Compared without printing either side: the header carries the auth token.
        assertTrue(expectedAuth.equals(request.getHeader("Authorization")), "HTTP basic auth with the sid and token");
        Map<String, String> form = form(request);
        assertEquals("whatsapp:" + number, form.get("To"));
        assertEquals("whatsapp:" + FROM, form.get("From"));
        String body = form.get("Body");
        assertTrue(body.startsWith("[URGENT] Oven 2 failed — " + tenant + "\n"), body);
        assertTrue(body.contains("Temperature dropped to 80 °C during the night bake."), body);
        assertTrue(body.contains(DASHBOARD + "?alert=" + URLEncoder.encode(id, StandardCharsets.UTF_8)), body);
        assertEquals(Map.of(), withoutKeys(form, "To", "From", "Body"), "no other form fields");
    }

    @Test
    void a429HonouringRetryAfterThenA500AreTriedAgainUntilOneMessageIsSentOnTheThirdAttempt() {
        String scenario = "throttled, then broken, then fine " + tenant;
        twilio.stubFor(post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + number))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("throttled"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + number))
                .inScenario(scenario)
                .whenScenarioStateIs("throttled")
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}"))
                .willSetStateTo("broken"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + number))
                .inScenario(scenario)
                .whenScenarioStateIs("broken")
                .willReturn(created())
                .willSetStateTo("sent"));
        String id = Server.newId();
        publish(id, "Freezer door open", "Freezer 1 has been open for 10 minutes.");

        JsonObject delivery = awaitDelivery(id, "sent");
        assertEquals(3, delivery.getInt("attempts"), delivery.toString());
        assertTrue(delivery.isNull("last_error"), delivery.toString());
        List<LoggedRequest> requests = requestsTo(number);
        assertEquals(3, requests.size(), "429, 500, then 201: three requests, one message");
        long afterThrottle = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        assertTrue(afterThrottle >= 1_000, "tried again only after Retry-After (1 s), not " + afterThrottle + " ms");
        for (LoggedRequest request : requests) {
            assertEquals(form(requests.get(0)), form(request), "every attempt sends the same message");
        }
    }

    @Test
    void a400WithTwilioErrorFailsTheDeliveryWithItsCodeAndIsNeverTriedAgain() throws InterruptedException {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + number))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Json.createObjectBuilder()
                                .add("code", 21211)
                                .add("message", "The 'To' number " + number + " is not a valid phone number.")
                                .add("more_info", "https://www.twilio.com/docs/errors/21211")
                                .add("status", 400)
                                .build()
                                .toString())));
        String id = Server.newId();
        publish(id, "Flour below minimum", "Flour T55: 3 kg left.");

        JsonObject delivery = awaitDelivery(id, "failed");
        assertEquals(1, delivery.getInt("attempts"), delivery.toString());
        assertTrue(delivery.getString("last_error").contains("21211"), delivery.toString());
        assertTrue(delivery.isNull("sent_at"), delivery.toString());

        // Deliberately idle: a retry (1 s base back-off, 200 ms poll) would have happened by now.
        Thread.sleep(4_000);
        assertEquals(1, requestsTo(number).size(), "a rejected request is not tried again");
        JsonObject after = delivery(id);
        assertEquals("failed", after.getString("status"));
        assertEquals(1, after.getInt("attempts"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM00000000000000000000000000000001\", \"status\": \"queued\","
                        + " \"direction\": \"outbound-api\", \"error_code\": null, \"error_message\": null}");
    }

    private void publish(String id, String title, String message) {
        String alert = Json.createObjectBuilder()
                .add("id", id)
                .add("tenant_id", tenant)
                .add("item_type", "alert")
                .add("service", "production")
                .add("type", "equipment_failure")
                .add("severity", "urgent")
                .add("title", title)
                .add("message", message)
                .add("actions", Json.createArrayBuilder())
                .add("metadata", Json.createObjectBuilder())
                .add("timestamp", "2026-11-27T08:00:00Z")
                .build()
                .toString();
        HttpResponse<String> response = Server.post("api/alerts", publisher, alert);
        assertEquals(202, response.statusCode(), response.body());
    }

    /** The alert's single delivery, once it has the status (read as a member of the tenant). */
    private JsonObject awaitDelivery(String alertId, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> delivery(alertId), d -> d != null && status.equals(d.getString("status")));
    }

    private JsonObject delivery(String alertId) {
        HttpResponse<String> response = Server.get("api/alerts/" + alertId + "/deliveries", member);
        if (response.statusCode() == 404) {
            return null; // not stored yet
        }
        assertEquals(200, response.statusCode(), response.body());
        var deliveries = Server.json(response.body()).getJsonArray("deliveries");
        assertEquals(1, deliveries.size(), response.body());
        return deliveries.getJsonObject(0);
    }

    private List<LoggedRequest> requestsTo(String to) {
        return twilio.findAll(
                postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo("whatsapp:" + to)));
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static Map<String, String> withoutKeys(Map<String, String> form, String... keys) {
        Map<String, String> rest = new LinkedHashMap<>(form);
        for (String key : keys) {
            rest.remove(key);
        }
        return rest;
    }
}
