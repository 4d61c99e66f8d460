package it.com.bakeryia.alerts.realservices;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.platform.JsonMutations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Messages that can never be stored, published straight to {@code alerts.exchange} as a producer
 * would: each is dead-lettered at once by the application with its reason — not rejected until
 * RabbitMQ's delivery limit dead-letters it — and a good alert published after them is stored.
 */
class BadInputRabbitIT {

    /** Well under the time the delivery limit's tries would take with a failing consumer. */
    static final Duration AT_ONCE = Duration.ofSeconds(20);

    record Bad(String name, String marker, byte[] body, String code) {}

    @Test
    void eachIsDeadLetteredAtOnceWithItsReasonAndAGoodAlertAfterThemIsStored() {
        String deep = newId();
        String deepMetadata = newId();
        String latin1 = newId();
        String rawNul = newId();
        String escapedNul = newId();
        String escapedNulBody = alert(escapedNul, "bakery-centro", "inventory", "high", "nul\0byte");
        List<Bad> bads = List.of(
                new Bad(
                        "5,000 nested objects",
                        deep,
                        ("{\"id\":\"" + deep + "\","
                                        + JsonMutations.deepObject(5_000).substring(1))
                                .getBytes(StandardCharsets.UTF_8),
                        "too_deep"),
                new Bad(
                        "a 3,000-deep array in metadata",
                        deepMetadata,
                        alert(deepMetadata, "bakery-centro", "inventory", "high", "Deep")
                                .replace(
                                        "\"metadata\":{\"sku\":\"FLOUR-1\"}",
                                        "\"metadata\":{\"d\":" + JsonMutations.deepArray(3_000) + "}")
                                .getBytes(StandardCharsets.UTF_8),
                        "too_deep"),
                new Bad(
                        "invalid UTF-8",
                        latin1,
                        alert(latin1, "bakery-centro", "inventory", "high", "caf\u00e9")
                                .getBytes(StandardCharsets.ISO_8859_1),
                        "malformed_json"),
                new Bad(
                        "a raw NUL byte",
                        rawNul,
                        alert(rawNul, "bakery-centro", "inventory", "high", "nul\0byte")
                                .replace("\\u0000", "\0")
                                .getBytes(StandardCharsets.UTF_8),
                        "malformed_json"),
                new Bad(
                        "an escaped NUL (\\u0000), which PostgreSQL text cannot hold",
                        escapedNul,
                        escapedNulBody.getBytes(StandardCharsets.UTF_8),
                        "invalid_field"));
        RealServices.publishBytes(
                "alert.high.inventory", bads.stream().map(Bad::body).toList());
        String good = newId();
        RealServices.publish(
                "alert.low.inventory", alert(good, "bakery-centro", "inventory", "low", "After the bad ones"));

        for (Bad bad : bads) {
            RealServices.DeadLetter dead = RealServices.awaitDeadLetter(bad.marker(), AT_ONCE);
            assertEquals(bad.code(), dead.header("x_reason_code"), bad.name() + ": " + dead.headers());
            assertTrue(
                    dead.header("x_reason") != null && !dead.header("x_reason").isBlank(), bad.name());
            // Dead-lettered by the application on its first delivery, not by RabbitMQ after the
            // delivery limit: the broker would add x-death and x-first-death-reason. (x-delivery-count
            // is not evidence here: alerts.dead is a quorum queue too, and counts the returns of
            // dead letters that readers such as awaitDeadLetter look at and put back.)
            assertNull(
                    dead.headers().get("x-first-death-reason"),
                    bad.name() + " was dead-lettered by the broker, not the application: " + dead.headers());
            assertNull(dead.headers().get("x-death"), bad.name() + ": " + dead.headers());
            assertEquals(0, RealServices.storedCount(bad.marker()), bad.name());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> RealServices.storedCount(good) == 1);
    }
}
