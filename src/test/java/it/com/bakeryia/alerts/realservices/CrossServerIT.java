package it.com.bakeryia.alerts.realservices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.bakeryia.alerts.StreamAuthIT;
import it.com.bakeryia.alerts.StreamResumeIT;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.SseEvent;
import it.com.bakeryia.alerts.support.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one server decides holds on the other: tickets, memberships, stream positions. */
class CrossServerIT {

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return Server.send(request.build());
    }

    @Test
    void aTicketFromOneServerIsGoodOnceOnTheOther() {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(Server.uri("api/events/ticket"))
                .header("Authorization", "Bearer " + Tokens.user("traveller", "bakery-centro"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, issued.statusCode(), issued.body());
        String ticket = Server.json(issued.body()).getString("ticket");
        try (SseClient onB = SseClient.open(RealServices.SERVER_B, "api/events?ticket=" + ticket)) {
            assertEquals(200, onB.status(), onB.errorBody());
            assertEquals("traveller", onB.next(Duration.ofSeconds(10)).json().getString("user"));
        }
        StreamAuthIT.assertRefused(
                SseClient.open(RealServices.SERVER_B, "api/events?ticket=" + ticket), 401, "invalid_ticket");
        StreamAuthIT.assertRefused(SseClient.open("api/events?ticket=" + ticket), 401, "invalid_ticket");
    }

    @Test
    void aMembershipRemovedOnOneServerIsGoneOnTheOtherAtOnceOpenStreamsIncluded() {
        String user = "roamer-" + Server.newId();
        String tenant = "cross-" + Server.newId().substring(0, 8);
        String admin = Tokens.hs256("ops-admin", null, List.of("alerts-admin"));
        String member = Tokens.hs256(user, null, List.of("user"));
        assertEquals(
                201,
                send(HttpRequest.newBuilder(Server.uri("api/admin/memberships/" + user + "/tenants/" + tenant))
                                .header("Authorization", "Bearer " + admin)
                                .PUT(HttpRequest.BodyPublishers.noBody()))
                        .statusCode());
        try (SseClient onB = SseClient.open(RealServices.SERVER_B, "api/events?token=" + member)) {
            assertEquals(200, onB.status(), "B now caches the membership: " + onB.errorBody());
            assertEquals("connection", onB.next(Duration.ofSeconds(10)).name());
            assertEquals(
                    204,
                    send(HttpRequest.newBuilder(Server.uri("api/admin/memberships/" + user + "/tenants/" + tenant))
                                    .header("Authorization", "Bearer " + admin)
                                    .DELETE())
                            .statusCode());
            // Well within the cache's lifetime (60 s): B heard of the change over Redis, and ended
            // the stream it had open for the removed tenant.
            onB.await(e -> "tenants_changed".equals(e.name()), Duration.ofSeconds(5));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(onB::ended);
        }
        StreamAuthIT.assertRefused(
                SseClient.open(RealServices.SERVER_B, "api/events?token=" + member), 403, "no_tenant");
    }

    @Test
    void aClientResumesOnTheOtherServerFromTheLastIdTheFirstGaveIt() {
        String tenant = "cross-" + Server.newId().substring(0, 8);
        String token = Tokens.user("mover-" + tenant, tenant);
        String lastId = StreamResumeIT.cursorOfOneAlert(token, tenant); // seen on A
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(StreamResumeIT.publish(tenant, "inventory", "high"));
        }
        try (SseClient onB =
                SseClient.open(RealServices.SERVER_B, "api/events?lastEventId=" + lastId + "&token=" + token)) {
            assertEquals(200, onB.status(), onB.errorBody());
            List<String> got = new ArrayList<>();
            while (got.size() < missed.size()) {
                SseEvent event = onB.next(Duration.ofSeconds(20));
                if (event == null) {
                    break;
                }
                if (event.isAlert()) {
                    got.add(event.json().getString("id"));
                }
            }
            assertEquals(new java.util.HashSet<>(missed), new java.util.HashSet<>(got));
            assertEquals(missed.size(), got.size());
        }
    }
}
