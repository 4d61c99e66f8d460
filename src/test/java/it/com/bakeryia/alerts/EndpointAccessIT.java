package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.Tokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every endpoint of the API as its annotations declare it (the access filter): 401 JSON without a
 * valid token, 403 JSON {@code forbidden} naming the group for a token without it, through every
 * way that endpoint takes a token; {@code @PermitAll} and CORS preflights open.
 */
public class EndpointAccessIT {

    /** Every resource method that needs a token, with the group it needs ({@code null}: any caller). */
    enum Endpoint {
        HISTORY("GET", "api/alerts", null),
        INGEST("POST", "api/alerts", "alert-publisher"),
        TICKET("POST", "api/events/ticket", null),
        MEMBERSHIPS_GET("GET", "api/admin/memberships/someone", "alerts-admin"),
        MEMBERSHIPS_PUT("PUT", "api/admin/memberships/someone", "alerts-admin"),
        MEMBERSHIP_ADD("PUT", "api/admin/memberships/someone/tenants/bakery-centro", "alerts-admin"),
        MEMBERSHIP_REMOVE("DELETE", "api/admin/memberships/someone/tenants/bakery-centro", "alerts-admin");

        final String method;
        final String path;
        final String group;

        Endpoint(String method, String path, String group) {
            this.method = method;
            this.path = path;
            this.group = group;
        }

        HttpResponse<String> call(String headerName, String headerValue) {
            HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri(path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            method.equals("GET") || method.equals("DELETE")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{\"tenants\": []}"));
            if (headerName != null) {
                request.header(headerName, headerValue);
            }
            return Server.send(request.build());
        }

        HttpResponse<String> withBearer(String token) {
            return call("Authorization", "Bearer " + token);
        }
    }

    static void assertRefused(HttpResponse<String> response, int status, String code) {
        StreamAuthIT.assertRefused(response, status, code);
        assertTrue(Server.json(response.body()).getString("message").length() > 10, response.body());
        if (status == 401) {
            assertEquals(
                    "Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void withoutAValidTokenEveryEndpointAnswers401Json(Endpoint endpoint) {
        assertRefused(endpoint.call(null, null), 401, "missing_token");
        assertRefused(endpoint.withBearer(Tokens.signedByAStranger(Tokens.ISSUER)), 401, "invalid_token");
        assertRefused(endpoint.withBearer("not-a-jwt"), 401, "invalid_token");
        assertRefused(endpoint.withBearer(Tokens.expired()), 401, "token_expired");
        assertRefused(endpoint.call("Authorization", "Basic YWxpY2U6c2VjcmV0"), 401, "invalid_token");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void onlyTheStreamTakesATokenOutsideTheAuthorizationHeader(Endpoint endpoint) {
        String admin = Tokens.hs256("root", List.of("bakery-centro"), List.of("alerts-admin", "alert-publisher"));
        HttpResponse<String> query = Server.send(HttpRequest.newBuilder(Server.uri(endpoint.path + "?token=" + admin))
                .header("Content-Type", "application/json")
                .method(endpoint.method, HttpRequest.BodyPublishers.noBody())
                .build());
        assertRefused(query, 401, "missing_token");
        assertRefused(endpoint.call("Cookie", "bakery_alerts_token=" + admin), 401, "missing_token");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aTokenWithoutTheGroupGets403JsonNamingIt(Endpoint endpoint) {
        String reader = Tokens.hs256("reader", List.of("bakery-centro"), List.of("user"));
        HttpResponse<String> response = endpoint.withBearer(reader);
        if (endpoint.group == null) {
            assertTrue(response.statusCode() < 400, endpoint + " is open to any valid token: " + response.body());
            return;
        }
        assertRefused(response, 403, "forbidden");
        assertTrue(
                Server.json(response.body()).getString("message").contains("'" + endpoint.group + "'"),
                response.body());
        HttpResponse<String> withGroup =
                endpoint.withBearer(Tokens.hs256("holder", List.of("bakery-centro"), List.of("user", endpoint.group)));
        assertNotEquals(401, withGroup.statusCode(), withGroup.body());
        assertNotEquals(403, withGroup.statusCode(), withGroup.body());
    }

    /** How a stream can be opened: the ticket is asked for first, with the header. */
    enum StreamChannel {
        HEADER(t -> SseClient.open("api/events", "Authorization", "Bearer " + t)),
        QUERY(SseClient::forToken),
        COOKIE(t -> SseClient.open("api/events", "Cookie", "bakery_alerts_token=" + t)),
        TICKET(t -> SseClient.open("api/events?ticket=" + StreamAuthIT.ticketFor(t)));

        final Function<String, SseClient> open;

        StreamChannel(Function<String, SseClient> open) {
            this.open = open;
        }
    }

    @ParameterizedTest
    @EnumSource(StreamChannel.class)
    void theStreamAuthenticatesEveryChannelBeforeItsOwnChecks(StreamChannel channel) {
        // A valid token of a caller with no tenant passes the filter ("**") and meets the stream's own 403.
        StreamAuthIT.assertRefused(
                channel.open.apply(Tokens.hs256("nobody", List.of(), List.of("user"))), 403, "no_tenant");
        if (channel != StreamChannel.TICKET) {
            StreamAuthIT.assertRefused(
                    channel.open.apply(Tokens.signedByAStranger(Tokens.ISSUER)), 401, "invalid_token");
            StreamAuthIT.assertRefused(channel.open.apply(Tokens.expired()), 401, "token_expired");
        }
        StreamAuthIT.assertRefused(SseClient.open("api/events"), 401, "missing_token");
    }

    @Test
    void aTicketIsSpentOnceEvenWhenTheStreamRefusesTheCaller() {
        String ticket = StreamAuthIT.ticketFor(Tokens.hs256("nobody", List.of(), List.of("user")));
        StreamAuthIT.assertRefused(SseClient.open("api/events?ticket=" + ticket), 403, "no_tenant");
        StreamAuthIT.assertRefused(SseClient.open("api/events?ticket=" + ticket), 401, "invalid_ticket");
    }

    @Test
    void resourcesSeeTheVerifiedCallerAsAJsonWebToken() throws IOException {
        String admin = "auditor-" + Server.newId().substring(0, 8);
        HttpResponse<String> replaced =
                Endpoint.MEMBERSHIPS_PUT.withBearer(Tokens.hs256(admin, null, List.of("alerts-admin")));
        assertEquals(200, replaced.statusCode(), replaced.body());
        // MembershipsResource logs the change with JsonWebToken.getName() of the injected token.
        Path messages = Path.of(System.getProperty("it.server.logs"), "messages.log");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(messages, StandardCharsets.UTF_8)
                        .contains(admin + " set the tenants of someone"));
    }

    @Test
    void theDemoLoginIsOpenAndIgnoresAnyToken() {
        HttpResponse<String> login = Server.send(HttpRequest.newBuilder(Server.uri("api/auth/demo-login"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not-a-jwt")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"alice\"}"))
                .build());
        assertEquals(200, login.statusCode(), login.body());
    }

    @Test
    void corsPreflightsAndPlainOptionsAreNotRefused() {
        for (String path : List.of("api/admin/memberships/someone", "api/events", "api/alerts")) {
            HttpResponse<String> preflight = Server.send(HttpRequest.newBuilder(Server.uri(path))
                    .header("Origin", System.getProperty("it.cors.origin"))
                    .header("Access-Control-Request-Method", "PUT")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertEquals(204, preflight.statusCode(), path + ": " + preflight.body());
            HttpResponse<String> options = Server.send(HttpRequest.newBuilder(Server.uri(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertTrue(options.statusCode() < 400, path + ": " + options.statusCode() + " " + options.body());
        }
    }
}
