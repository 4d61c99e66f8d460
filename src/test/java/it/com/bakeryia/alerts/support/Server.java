package it.com.bakeryia.alerts.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running server under test, reached over HTTP as any client would. */
public final class Server {

    public static final URI BASE = URI.create(System.getProperty("it.base.url", "http://localhost:9080") + "/");
    public static final int HEARTBEAT_SECONDS = Integer.getInteger("it.heartbeat.seconds", 15);
    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Pattern OPEN_STREAMS = Pattern.compile("(?m)^sse_streams_open\\{[^}]*} ([0-9.]+)");

    private Server() {}

    public static URI uri(String path) {
        return BASE.resolve(path);
    }

    public static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static HttpResponse<String> post(String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonArray jsonArray(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    /** A development token for a demo user, from the server's own demo login. */
    public static String demoToken(String username) {
        return demoLogin("{\"username\": \"" + username + "\"}");
    }

    public static String demoToken(String username, int ttlSeconds) {
        return demoLogin("{\"username\": \"" + username + "\", \"ttl_seconds\": " + ttlSeconds + "}");
    }

    private static String demoLogin(String body) {
        HttpResponse<String> response = post("api/auth/demo-login", null, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("demo login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getString("token");
    }

    public static String publisherToken() {
        return demoToken("inventory-service");
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String alert(String id, String tenant, String service, String severity, String title) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("tenant_id", tenant)
                .add("item_type", "alert")
                .add("service", service)
                .add("type", "low_stock")
                .add("severity", severity)
                .add("title", title)
                .add("message", "from " + Server.class.getSimpleName())
                .add("actions", Json.createArrayBuilder().add("reorder"))
                .add("metadata", Json.createObjectBuilder().add("sku", "FLOUR-1"))
                .add("timestamp", "2026-11-27T08:00:00Z")
                .build()
                .toString();
    }

    /** The number of streams the server holds, from its MicroProfile Metrics gauge. */
    public static int openStreams() {
        HttpResponse<String> response = get("metrics?scope=application", null);
        Matcher matcher = OPEN_STREAMS.matcher(response.body());
        return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : 0;
    }
}
