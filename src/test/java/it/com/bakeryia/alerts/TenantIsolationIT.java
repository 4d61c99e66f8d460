package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A randomized check of 1,000 streams: random token tenants, random {@code ?tenant=} (sometimes
 * outside the token's), random filters and random cursors over a seeded set of alerts. A stream
 * asking for a tenant it does not have gets 403; every other stream gets exactly the alerts its
 * tenants, filter and cursor call for — never one of another tenant.
 */
class TenantIsolationIT {

    static final int CASES = 1_000;
    static final int SEEDED = 160;
    static final List<String> SEVERITIES = List.of("urgent", "high", "medium", "low");
    static final List<String> SERVICES = List.of("inventory", "production", "sales");
    static final List<String> TYPES = List.of("low_stock", "expiring", "failed_run");

    record Seeded(String id, long position, String tenant, String severity, String service, String type) {}

    record Case(
            int n,
            List<String> own,
            String requested,
            Set<String> effective,
            Map<String, List<String>> filters,
            String cursor,
            boolean forbidden) {}

    @Test
    void randomTenantsFiltersAndCursorsNeverCrossTenants() throws Exception {
        long seed = Long.getLong("it.random.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = Server.newId().substring(0, 8);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add("iso-" + run + "-" + i);
        }
        List<Seeded> seeded = seed(pool, random);
        int window = Integer.getInteger("it.resume.window", 100);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger forbidden = new AtomicInteger();
        AtomicInteger replayedAlerts = new AtomicInteger();
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int n = 0; n < CASES; n++) {
                Case c = randomCase(n, pool, seeded, random);
                results.add(threads.submit(() -> {
                    try {
                        if (c.forbidden()) {
                            forbidden.incrementAndGet();
                        }
                        replayedAlerts.addAndGet(check(c, seeded, window, run));
                    } catch (AssertionError | RuntimeException e) {
                        throw new AssertionError("seed " + seed + ", " + c + ": " + e.getMessage(), e);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(forbidden.get() > 50, "too few forbidden cases: " + forbidden);
        assertTrue(replayedAlerts.get() > 1_000, "too few replayed alerts: " + replayedAlerts);
        System.out.printf(
                "tenant isolation: %d cases (seed %d), %d forbidden, %d alerts replayed%n",
                CASES, seed, forbidden.get(), replayedAlerts.get());
    }

    private static List<Seeded> seed(List<String> pool, Random random) {
        Map<String, JsonObject> published = new ConcurrentHashMap<>();
        try (SseClient watcher =
                SseClient.forToken(Tokens.hs256("iso-watcher-" + pool.get(0), pool, List.of("user")))) {
            assertEquals("connection", watcher.next(Duration.ofSeconds(10)).name());
            for (int i = 0; i < SEEDED; i++) {
                String id = Server.newId();
                JsonObject alert = Json.createObjectBuilder()
                        .add("id", id)
                        .add("tenant_id", pool.get(random.nextInt(pool.size())))
                        .add("item_type", "alert")
                        .add("service", SERVICES.get(random.nextInt(SERVICES.size())))
                        .add("type", TYPES.get(random.nextInt(TYPES.size())))
                        .add("severity", SEVERITIES.get(random.nextInt(SEVERITIES.size())))
                        .add("title", "isolation " + i)
                        .add("timestamp", "2026-11-27T08:00:00Z")
                        .build();
                published.put(id, alert);
                assertEquals(
                        202,
                        Server.post("api/alerts", Server.publisherToken(), alert.toString())
                                .statusCode());
            }
            List<Seeded> seeded = new ArrayList<>();
            while (seeded.size() < SEEDED) {
                SseEvent event = watcher.next(Duration.ofSeconds(30));
                assertNotNull(event, "seeding: only " + seeded.size() + " alerts streamed");
                if (event.isAlert()) {
                    JsonObject a = published.get(event.json().getString("id"));
                    seeded.add(new Seeded(
                            a.getString("id"),
                            Long.parseLong(event.id()),
                            a.getString("tenant_id"),
                            a.getString("severity"),
                            a.getString("service"),
                            a.getString("type")));
                }
            }
            seeded.sort((x, y) -> Long.compare(x.position(), y.position()));
            return seeded;
        }
    }

    private static Case randomCase(int n, List<String> pool, List<Seeded> seeded, Random random) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<String> own = shuffled.subList(0, 1 + random.nextInt(3));
        String requested = null;
        Set<String> effective = new LinkedHashSet<>(own);
        boolean forbidden = false;
        double r = random.nextDouble();
        if (r < 0.15) {
            List<String> ask = new ArrayList<>(subset(own, random));
            // Another tenant of the pool, or one that does not exist: the same 403 either way.
            ask.add(random.nextBoolean() ? shuffled.get(3 + random.nextInt(pool.size() - 3)) : "ghost-" + n);
            Collections.shuffle(ask, random);
            requested = String.join(",", ask);
            forbidden = true;
        } else if (r < 0.55) {
            effective = new LinkedHashSet<>(subset(own, random));
            requested = String.join(",", effective);
        }
        Map<String, List<String>> filters = new java.util.HashMap<>();
        if (random.nextDouble() < 0.4) {
            filters.put("severity", subset(SEVERITIES, random));
        }
        if (random.nextDouble() < 0.4) {
            filters.put("service", subset(SERVICES, random));
        }
        if (random.nextDouble() < 0.4) {
            filters.put("type", subset(TYPES, random));
        }
        double c = random.nextDouble();
        String cursor = c < 0.1
                ? null
                : c < 0.2
                        ? Long.toString(Long.MAX_VALUE / 4)
                        : Long.toString(Math.max(
                                1, seeded.get(random.nextInt(seeded.size())).position() - random.nextInt(2)));
        return new Case(n, List.copyOf(own), requested, effective, filters, cursor, forbidden);
    }

    private static List<String> subset(List<String> values, Random random) {
        List<String> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(values.size())));
    }

    /** @return the number of alerts the stream replayed */
    private static int check(Case c, List<Seeded> seeded, int window, String run) {
        StringBuilder path = new StringBuilder("api/events?token=")
                .append(Tokens.hs256("iso-user-" + run + "-" + c.n(), c.own(), List.of("user")));
        if (c.requested() != null) {
            path.append("&tenant=").append(c.requested());
        }
        c.filters()
                .forEach((name, values) ->
                        path.append('&').append(name).append('=').append(String.join(",", values)));
        if (c.cursor() != null) {
            path.append("&lastEventId=").append(c.cursor());
        }
        try (SseClient client = SseClient.open(path.toString())) {
            if (c.forbidden()) {
                StreamAuthIT.assertRefused(client, 403, "tenant_forbidden");
                return 0;
            }
            assertEquals(200, client.status(), client.errorBody());
            SseEvent hello = client.next(Duration.ofSeconds(10));
            assertEquals("connection", hello.name());
            assertEquals(
                    List.copyOf(c.effective()),
                    hello.json().getJsonArray("tenants").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList());
            if (c.cursor() == null) {
                return 0;
            }
            List<Seeded> matching = seeded.stream()
                    .filter(s -> c.effective().contains(s.tenant())
                            && passes(c.filters(), "severity", s.severity())
                            && passes(c.filters(), "service", s.service())
                            && passes(c.filters(), "type", s.type()))
                    .toList();
            List<Seeded> expected;
            long cursor = Long.parseLong(c.cursor());
            if (cursor > seeded.get(seeded.size() - 1).position() + 1_000_000) {
                SseEvent resync = client.next(Duration.ofSeconds(10));
                assertEquals("resync", resync.name(), "an unknown cursor");
                expected = matching.subList(Math.max(0, matching.size() - window), matching.size());
            } else {
                expected = matching.stream().filter(s -> s.position() > cursor).toList();
            }
            List<String> got = new ArrayList<>();
            while (got.size() < expected.size()) {
                SseEvent event = client.next(Duration.ofSeconds(15));
                assertNotNull(event, "got " + got.size() + " of " + expected.size());
                if (event.isAlert()) {
                    JsonObject alert = event.json();
                    assertTrue(
                            c.effective().contains(alert.getString("tenant_id")),
                            "an alert of tenant " + alert.getString("tenant_id"));
                    got.add(alert.getString("id"));
                }
            }
            assertEquals(expected.stream().map(Seeded::id).collect(Collectors.toList()), got);
            SseEvent extra = client.next(Duration.ofMillis(200));
            assertTrue(extra == null || !extra.isAlert(), "an extra alert " + extra);
            return got.size();
        }
    }

    private static boolean passes(Map<String, List<String>> filters, String name, String value) {
        List<String> allowed = filters.get(name);
        return allowed == null || allowed.contains(value);
    }
}
