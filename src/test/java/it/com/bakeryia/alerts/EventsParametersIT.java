package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.ServerLog;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random values in every query parameter of {@code GET /api/events} and in {@code Last-Event-ID}:
 * each answer is a stream (its first event is read) or a 4xx with a JSON error; never a 5xx, and
 * no ERROR with a stack trace in the server's log afterwards.
 */
class EventsParametersIT {

    static final List<String> PLACES =
            List.of("tenant", "severity", "service", "type", "lastEventId", "Last-Event-ID", "token", "ticket");
    static final AtomicInteger USERS = new AtomicInteger();
    static ServerLog log;

    record Probe(String place, String value) {}

    @BeforeContainer
    static void mark() {
        log = ServerLog.mark();
    }

    @AfterContainer
    static void noStackTraceAtError() {
        List<String> traces = log.stackTracesSince();
        assertTrue(traces.isEmpty(), "ERROR with a stack trace in messages.log:\n" + String.join("\n", traces));
    }

    @Property(tries = 200)
    void anyParameterValueGetsAStreamOrAJson4xx(@ForAll("probes") Probe probe) {
        List<String> headers = new ArrayList<>(List.of("Accept", "text/event-stream"));
        String query;
        if (probe.place().equals("token") || probe.place().equals("ticket")) {
            query = probe.place() + "=" + encode(probe.value());
        } else {
            // A fresh user each time, of tenants of its own: neither the per-user stream limit nor
            // other tests' tenants come into it.
            headers.addAll(List.of(
                    "Authorization",
                    "Bearer " + Tokens.user("fuzz-user-" + USERS.incrementAndGet(), "fuzz-a", "fuzz-b")));
            if (probe.place().equals("Last-Event-ID")) {
                headers.addAll(List.of("Last-Event-ID", probe.value()));
                query = "";
            } else {
                query = probe.place() + "=" + encode(probe.value());
            }
        }
        try (SseClient client = SseClient.open("api/events?" + query, headers.toArray(String[]::new))) {
            int status = client.status();
            String context = probe + " -> " + status + " " + client.errorBody();
            assertTrue(status == 200 || (status >= 400 && status < 500), context);
            if (status == 200) {
                SseEvent first = client.next(Duration.ofSeconds(10));
                assertNotNull(first, context);
                assertEquals("connection", first.name(), context);
            } else {
                assertTrue(client.contentType().startsWith("application/json"), context);
                JsonObject error = Server.json(client.errorBody());
                assertTrue(error.containsKey("error") && error.containsKey("message"), context);
            }
        }
    }

    @Provide
    Arbitrary<Probe> probes() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
                Arbitraries.strings().withCharRange(' ', '\u00ff').ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.of(
                        "urgent,high",
                        "inventory",
                        "low_stock",
                        "fuzz-a",
                        "fuzz-a,fuzz-b",
                        "bakery-centro",
                        "1",
                        "0",
                        "-1",
                        "99999999999999999999",
                        "1e3",
                        ",",
                        " , ",
                        "a".repeat(2_000),
                        "x,".repeat(40),
                        "\u0000",
                        "%00",
                        "\ud800",
                        "../",
                        "{}",
                        "\"",
                        "Bearer x"));
        Arbitrary<String> places = Arbitraries.of(PLACES);
        return Combinators.combine(places, values)
                .as((place, value) -> new Probe(place, place.equals("Last-Event-ID") ? headerSafe(value) : value));
    }

    /** What an HTTP client can put in a header: no control characters, nothing past Latin-1. */
    static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.chars()
                .filter(c -> (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff))
                .forEach(safe::appendCodePoint);
        return safe.toString().strip();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Query strings no well-behaved client would send (bad percent-encoding), over a raw socket. */
    @Example
    void malformedQueryStringsGetNo5xx() throws IOException {
        String token = Tokens.user("fuzz-raw", "fuzz-a");
        for (String query : new String[] {
            "tenant=%",
            "tenant=%zz",
            "severity=%C0%80",
            "service=%FF",
            "type=%ED%A0%80",
            "lastEventId=%00",
            "tenant=fuzz-a&tenant=fuzz-b",
            "token=%",
            "ticket=%G1",
            "=&&=",
            "severity"
        }) {
            String status = rawStatusLine("/api/events?" + query, token);
            assertTrue(status.matches("HTTP/1\\.1 [24][0-9][0-9] .*"), query + " -> " + status);
        }
    }

    static String rawStatusLine(String target, String token) throws IOException {
        try (Socket socket = new Socket(Server.BASE.getHost(), Server.BASE.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + Server.BASE.getHost()
                            + "\r\nAccept: text/event-stream\r\n" + "Authorization: Bearer " + token
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
