package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import it.com.bakeryia.alerts.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Open streams are limited per user and per tenant; past a limit, 429 with a JSON body. */
class StreamLimitsIT {

    static final int PER_USER = Integer.getInteger("it.per.user.max", 10);
    static final int PER_TENANT = Integer.getInteger("it.per.tenant.max", 10_000);

    @Test
    void aUserPastTheLimitGets429UntilAStreamCloses() {
        String tenant = "limits-" + Server.newId().substring(0, 8);
        String token = Tokens.user("limited-" + tenant, tenant);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_USER; i++) {
                SseClient client = SseClient.forToken(token);
                open.add(client);
                assertEquals(200, client.status(), "stream " + (i + 1) + ": " + client.errorBody());
            }
            StreamAuthIT.assertRefused(SseClient.forToken(token), 429, "too_many_streams");
            try (SseClient otherUser = SseClient.forToken(Tokens.user("another-" + tenant, tenant))) {
                assertEquals(200, otherUser.status(), "the limit is the user's, not the tenant's");
            }
            open.remove(0).close();
            // The server notices the closed stream at its next write (a heartbeat at the latest).
            Awaitility.await()
                    .atMost(Duration.ofSeconds(Server.HEARTBEAT_SECONDS * 3L + 5))
                    .until(() -> {
                        SseClient again = SseClient.forToken(token);
                        if (again.status() == 200) {
                            open.add(again);
                            return true;
                        }
                        again.close();
                        return false;
                    });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aTenantPastTheLimitGets429() {
        String tenant = "limits-" + Server.newId().substring(0, 8);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_TENANT; i++) {
                SseClient client = SseClient.forToken(Tokens.user("tenant-user-" + i, tenant));
                open.add(client);
                assertEquals(200, client.status(), "stream " + (i + 1) + ": " + client.errorBody());
            }
            StreamAuthIT.assertRefused(
                    SseClient.forToken(Tokens.user("one-too-many", tenant)), 429, "too_many_streams");
            try (SseClient elsewhere = SseClient.forToken(Tokens.user("one-too-many", "other-" + tenant))) {
                assertEquals(200, elsewhere.status(), "other tenants are not affected");
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
