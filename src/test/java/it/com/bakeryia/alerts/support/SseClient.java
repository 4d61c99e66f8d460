package it.com.bakeryia.alerts.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An EventSource-like test client: parses the stream into {@link SseEvent}s on its own thread. */
public final class SseClient implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final String errorBody;
    private volatile boolean ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() != 200) {
            this.errorBody = response.body().collect(Collectors.joining("\n"));
            this.ended = true;
            return;
        }
        this.errorBody = null;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} (with its query) and returns once the response headers have arrived. */
    public static SseClient open(String path, String... headers) {
        return open(Server.BASE, path, headers);
    }

    /** Like {@link #open(String, String...)}, on another server. */
    public static SseClient open(URI server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .header("Accept", "text/event-stream")
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new SseClient(Server.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not open " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SseClient forToken(String token) {
        return open("api/events?token=" + token);
    }

    public int status() {
        return response.statusCode();
    }

    public java.util.Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public String errorBody() {
        return errorBody;
    }

    private void read() {
        String name = null;
        String id = null;
        Integer retry = null;
        StringBuilder data = null;
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new SseEvent(
                                name == null ? "message" : name, id, data.toString(), retry, Instant.now()));
                    }
                    name = null;
                    id = null;
                    retry = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("retry:")) {
                    retry = Integer.valueOf(value(line));
                } else if (line.startsWith("data:")) {
                    data = data == null
                            ? new StringBuilder(value(line))
                            : data.append('\n').append(value(line));
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream, or the server ended it.
        } finally {
            ended = true;
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    public boolean ended() {
        return ended && events.isEmpty();
    }

    /** The next event, or null when none arrives within the timeout or the stream has ended. */
    public SseEvent next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                SseEvent event = events.poll(
                        Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                if (event != null || System.nanoTime() >= deadline) {
                    return event;
                }
                if (ended) {
                    return events.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips events until one matches; fails if none does within the timeout. */
    public SseEvent await(Predicate<SseEvent> wanted, Duration timeout) {
        return awaitCollecting(wanted, timeout, new ArrayList<>());
    }

    /** Like {@link #await}, and adds every event seen before the match to {@code before}. */
    public SseEvent awaitCollecting(Predicate<SseEvent> wanted, Duration timeout, List<SseEvent> before) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SseEvent event = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (event == null) {
                throw new AssertionError("No matching event within " + timeout + "; saw " + before);
            }
            if (wanted.test(event)) {
                return event;
            }
            before.add(event);
        }
    }

    public SseEvent awaitAlert(String alertId, Duration timeout) {
        return await(e -> e.isAlert() && alertId.equals(e.json().getString("id")), timeout);
    }

    /**
     * Waits for every one of these alerts, in whatever order they come: alerts published one after
     * another are stored by concurrent consumers (and servers), so their stream order is not the
     * publishing order. Fails if one is missing when the timeout is up, or comes twice.
     *
     * @return the alerts' events in the order they arrived
     */
    public List<SseEvent> awaitAlerts(Collection<String> alertIds, Duration timeout) {
        Set<String> missing = new LinkedHashSet<>(alertIds);
        Set<String> seen = new HashSet<>();
        List<SseEvent> arrived = new ArrayList<>();
        List<SseEvent> others = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty()) {
            long left = deadline - System.nanoTime();
            SseEvent event = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (event == null) {
                throw new AssertionError("Alerts " + missing + " did not arrive within " + timeout + "; got " + arrived
                        + " and " + others);
            }
            String id = event.isAlert() ? event.json().getString("id") : null;
            if (id != null && alertIds.contains(id)) {
                if (!seen.add(id)) {
                    throw new AssertionError("Alert " + id + " arrived twice: " + arrived + ", " + event);
                }
                missing.remove(id);
                arrived.add(event);
            } else {
                others.add(event);
            }
        }
        return arrived;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
