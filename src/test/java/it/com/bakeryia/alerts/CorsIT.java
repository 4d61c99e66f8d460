package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cross-origin access: the listed origin with credentials, any other origin nothing. */
class CorsIT {

    static final String LISTED = System.getProperty("it.cors.origin", "http://dashboard.bakery-ia.test");
    static final String OTHER = "https://evil.example";

    static HttpResponse<String> history(String origin) {
        return Server.send(HttpRequest.newBuilder(Server.uri("api/alerts"))
                .header("Authorization", "Bearer " + Server.demoToken("alice"))
                .header("Origin", origin)
                .GET()
                .build());
    }

    static HttpResponse<String> preflight(String origin) {
        return Server.send(HttpRequest.newBuilder(Server.uri("api/alerts"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void aListedOriginMayCallWithCredentials() {
        HttpResponse<String> response = history(LISTED);
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of(LISTED), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), response.headers().firstValue("Access-Control-Allow-Credentials"));

        HttpResponse<String> preflight = preflight(LISTED);
        assertEquals(204, preflight.statusCode());
        assertEquals(Optional.of(LISTED), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("POST"));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .contains("Authorization"));
    }

    @Test
    void anEventStreamCarriesTheHeadersForAListedOrigin() {
        try (SseClient client = SseClient.open("api/events?token=" + Server.demoToken("alice"), "Origin", LISTED)) {
            assertEquals(200, client.status());
            assertEquals(Optional.of(LISTED), client.header("Access-Control-Allow-Origin"));
            assertEquals(Optional.of("true"), client.header("Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void anyOtherOriginGetsNoCorsHeaders() {
        HttpResponse<String> response = history(OTHER);
        assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Credentials"));
        assertEquals(Optional.empty(), preflight(OTHER).headers().firstValue("Access-Control-Allow-Origin"));
    }
}
