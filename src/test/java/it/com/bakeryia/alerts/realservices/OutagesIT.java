package it.com.bakeryia.alerts.realservices;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.SseClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis and RabbitMQ stopped and started again under running servers, with streams open. */
class OutagesIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void servicesAreBack() {
        // Whatever a test did, leave both services running for the next one.
        if (!RealServices.redisUp()) {
            RealServices.startRedis();
        }
        if (!RealServices.rabbitUp()) {
            RealServices.startRabbit();
        }
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> RealServices.ready(Server.BASE) && RealServices.ready(RealServices.SERVER_B));
    }

    @Test
    void redisStoppedAndStartedAgainLosesNothingAndNeedsNoRestart() {
        try (SseClient onA = RabbitMqPathIT.connected(Server.BASE, "alice");
                SseClient onB = RabbitMqPathIT.connected(RealServices.SERVER_B, "carol")) {
            String before = newId();
            RealServices.publish("alert.low.inventory", alert(before, "bakery-centro", "inventory", "low", "Before"));
            onA.awaitAlert(before, WAIT);
            onB.awaitAlert(before, WAIT);

            RealServices.stopRedis();
            Awaitility.await().atMost(WAIT).until(() -> !RealServices.ready(Server.BASE));
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = newId();
                during.add(id);
                RealServices.publish(
                        "alert.high.inventory", alert(id, "bakery-centro", "inventory", "high", "During " + i));
            }
            Awaitility.await().atMost(WAIT).until(() -> RealServices.storedCount(during) == during.size());

            RealServices.startRedis();
            // Two servers' consumers stored them concurrently: their stream order is not the list's.
            onA.awaitAlerts(during, WAIT);
            onB.awaitAlerts(during, WAIT);
            String after = newId();
            RealServices.publish("alert.low.inventory", alert(after, "bakery-centro", "inventory", "low", "After"));
            onA.awaitAlert(after, WAIT);
            onB.awaitAlert(after, WAIT);
            Awaitility.await().atMost(WAIT).until(() -> RealServices.ready(Server.BASE));
        }
    }

    @Test
    void rabbitMqStoppedAndStartedAgainResumesConsumptionAndLosesNoAcknowledgedAlert() {
        String publisher = Server.publisherToken();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = newId();
            if (Server.post("api/alerts", publisher, alert(id, "bakery-norte", "orders", "low", "Before " + i))
                            .statusCode()
                    == 202) {
                accepted.add(id);
            }
        }
        RealServices.stopRabbit();
        HttpResponse<String> refused =
                Server.post("api/alerts", publisher, alert(newId(), "bakery-norte", "orders", "low", "Down"));
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("queue_unavailable", Server.json(refused.body()).getString("error"));
        Awaitility.await().atMost(WAIT).until(() -> !RealServices.ready(Server.BASE));

        RealServices.startRabbit();
        try (SseClient onB = RabbitMqPathIT.connected(RealServices.SERVER_B, "bob")) {
            Awaitility.await()
                    .atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Server.post(
                                            "api/alerts",
                                            publisher,
                                            alert(newId(), "bakery-norte", "orders", "low", "Probe"))
                                    .statusCode()
                            == 202);
            String after = newId();
            assertEquals(
                    202,
                    Server.post("api/alerts", publisher, alert(after, "bakery-norte", "orders", "high", "After"))
                            .statusCode());
            onB.awaitAlert(after, WAIT);
        }
        // Every alert the broker confirmed before it went down is in the database.
        Awaitility.await().atMost(WAIT).until(() -> RealServices.storedCount(accepted) == accepted.size());
        assertFalse(accepted.isEmpty());
    }
}
