package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.notifications.control.DeliveryDecisions.AlertFacts;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.GroupState;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.Plan;
import com.bakeryia.alerts.notifications.control.DeliveryDecisions.Planned;
import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.DeliveryStatus;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.store.entity.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryDecisionsTest {

    static final Set<Channel> BOTH = EnumSet.allOf(Channel.class);
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    static NotificationSettings settings(String json) {
        return SettingsJson.parse(json);
    }

    static final NotificationSettings RECIPIENTS_ONLY =
            settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"], \"whatsapp\": [\"+34600000001\"]}}");

    static Plan decide(NotificationSettings settings, Severity severity, String service, String type) {
        return DeliveryDecisions.decide(settings, new AlertFacts(severity, service, type), BOTH, Optional.empty(), NOW);
    }

    static List<String> channels(Plan plan) {
        return plan.deliveries().stream()
                .map(p -> p.channel().wireName() + ":" + p.recipient() + ":"
                        + p.status().wireName())
                .toList();
    }

    @Test
    void defaultsSendUrgentByEmailAndWhatsAppHighByEmailAndTheRestInAppOnly() {
        assertEquals(
                List.of("email:ops@bakery.example:pending", "whatsapp:+34600000001:pending"),
                channels(decide(RECIPIENTS_ONLY, Severity.URGENT, "inventory", "low_stock")));
        assertEquals(
                List.of("email:ops@bakery.example:pending"),
                channels(decide(RECIPIENTS_ONLY, Severity.HIGH, "inventory", "low_stock")));
        assertEquals(List.of(), channels(decide(RECIPIENTS_ONLY, Severity.MEDIUM, "inventory", "low_stock")));
        assertEquals(List.of(), channels(decide(RECIPIENTS_ONLY, Severity.LOW, "inventory", "low_stock")));
    }

    @Test
    void aTenantWithNoSettingsHasNoRecipientsSoNothingIsSent() {
        Plan plan = decide(NotificationSettings.DEFAULTS, Severity.URGENT, "inventory", "low_stock");
        assertEquals(List.of(), plan.deliveries());
        assertEquals(Optional.empty(), plan.group(), "no group is touched when nothing is sent");
    }

    @Test
    void rulesOverrideTheDefaults() {
        NotificationSettings lowByWhatsApp = settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"],"
                + " \"whatsapp\": [\"+34600000001\"]}, \"rules\": [{\"severity\": [\"low\"], \"channels\":"
                + " [\"whatsapp\"]}]}");
        assertEquals(
                List.of("whatsapp:+34600000001:pending"),
                channels(decide(lowByWhatsApp, Severity.LOW, "inventory", "low_stock")));
        assertEquals(
                List.of(),
                channels(decide(lowByWhatsApp, Severity.URGENT, "inventory", "low_stock")),
                "with rules of its own, the defaults no longer apply: no rule matches urgent");
    }

    @Test
    void aServiceAndTypeRuleBeatsALaterSeverityRule() {
        NotificationSettings settings = settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"],"
                + " \"whatsapp\": [\"+34600000001\"]}, \"rules\": ["
                + "{\"service\": [\"production\"], \"type\": [\"batch_failed\"], \"channels\": [\"whatsapp\"]},"
                + "{\"severity\": [\"high\"], \"channels\": [\"email\"]}]}");
        assertEquals(
                List.of("whatsapp:+34600000001:pending"),
                channels(decide(settings, Severity.HIGH, "production", "batch_failed")),
                "the first matching rule wins");
        assertEquals(
                List.of("email:ops@bakery.example:pending"),
                channels(decide(settings, Severity.HIGH, "production", "oven_temperature")),
                "another type of the same service falls through to the severity rule");
    }

    @Test
    void anEmptyChannelListMeansInAppOnly() {
        NotificationSettings settings = settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"]},"
                + " \"rules\": [{\"service\": [\"forecast\"], \"channels\": []}, {\"channels\": [\"email\"]}]}");
        assertEquals(List.of(), channels(decide(settings, Severity.URGENT, "forecast", "demand_spike")));
        assertEquals(
                1,
                decide(settings, Severity.LOW, "inventory", "low_stock")
                        .deliveries()
                        .size());
    }

    @Test
    void eachRecipientOfEachChannelGetsOneDelivery() {
        NotificationSettings settings = settings("{\"recipients\": {\"email\": [\"a@bakery.example\","
                + " \"b@bakery.example\"], \"whatsapp\": [\"+34600000001\", \"+34600000002\"]}}");
        assertEquals(
                4,
                decide(settings, Severity.URGENT, "inventory", "low_stock")
                        .deliveries()
                        .size());
    }

    @Test
    void aChannelWithoutATransportIsRecordedAsNotConfigured() {
        Plan plan = DeliveryDecisions.decide(
                RECIPIENTS_ONLY,
                new AlertFacts(Severity.URGENT, "inventory", "low_stock"),
                EnumSet.of(Channel.EMAIL),
                Optional.empty(),
                NOW);
        assertEquals(
                List.of("email:ops@bakery.example:pending", "whatsapp:+34600000001:not_configured"), channels(plan));
        assertEquals(null, plan.deliveries().get(1).dueAt(), "nothing to try for a channel without a transport");
    }

    /** 100 identical low-stock alerts within the window: one notifies, 99 are suppressed. */
    @Test
    void identicalAlertsWithinTheGroupWindowAreSuppressedAndTheNextOneSaysHowMany() {
        NotificationSettings settings = settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"]},"
                + " \"rules\": [{\"type\": [\"low_stock\"], \"channels\": [\"email\"]}],"
                + " \"group_window_seconds\": 300}");
        AlertFacts lowStock = new AlertFacts(Severity.LOW, "inventory", "low_stock");
        Optional<GroupState> group = Optional.empty();
        int pending = 0;
        int suppressed = 0;
        for (int i = 0; i < 100; i++) {
            Instant at = NOW.plusSeconds(i); // all within 300 s of the first
            Plan plan = DeliveryDecisions.decide(settings, lowStock, BOTH, group, at);
            for (Planned planned : plan.deliveries()) {
                if (planned.status() == DeliveryStatus.PENDING) {
                    pending++;
                } else if (planned.status() == DeliveryStatus.SUPPRESSED) {
                    suppressed++;
                }
            }
            group = plan.group();
        }
        assertEquals(1, pending);
        assertEquals(99, suppressed);
        assertEquals(new GroupState(NOW, 99), group.orElseThrow(), "the window runs from the notification");

        Plan after = DeliveryDecisions.decide(settings, lowStock, BOTH, group, NOW.plusSeconds(300));
        Planned next = after.deliveries().get(0);
        assertEquals(DeliveryStatus.PENDING, next.status(), "the first alert after the window notifies");
        assertEquals(99, next.suppressedBefore(), "and says how many were suppressed");
        assertEquals(new GroupState(NOW.plusSeconds(300), 0), after.group().orElseThrow(), "a new window starts");
    }

    @Test
    void aZeroGroupWindowNotifiesEveryAlert() {
        NotificationSettings settings =
                settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"]}," + " \"group_window_seconds\": 0}");
        Plan plan = DeliveryDecisions.decide(
                settings,
                new AlertFacts(Severity.HIGH, "inventory", "low_stock"),
                BOTH,
                Optional.of(new GroupState(NOW, 3)),
                NOW.plusSeconds(1));
        assertEquals(DeliveryStatus.PENDING, plan.deliveries().get(0).status());
        assertEquals(Optional.empty(), plan.group(), "no group is kept");
    }

    /** A high alert at 23:00 tenant time is held until 06:00 there; an urgent one goes at once. */
    @Test
    void quietHoursHoldAllButUrgentAlertsUntilTheyEnd() {
        NotificationSettings settings = settings("{\"recipients\": {\"email\": [\"ops@bakery.example\"],"
                + " \"whatsapp\": [\"+34600000001\"]}, \"quiet_hours\": {\"from\": \"22:00\", \"to\": \"06:00\","
                + " \"time_zone\": \"Europe/Madrid\"}}");
        Instant elevenPm = ZonedDateTime.of(2026, 11, 29, 23, 0, 0, 0, MADRID).toInstant();
        Instant sixAm = ZonedDateTime.of(2026, 11, 30, 6, 0, 0, 0, MADRID).toInstant();

        Plan high = DeliveryDecisions.decide(
                settings, new AlertFacts(Severity.HIGH, "inventory", "low_stock"), BOTH, Optional.empty(), elevenPm);
        assertEquals(List.of("email:ops@bakery.example:held"), channels(high));
        assertEquals(sixAm, high.deliveries().get(0).dueAt(), "sent when the quiet hours end, 06:00 Madrid");

        Plan urgent = DeliveryDecisions.decide(
                settings,
                new AlertFacts(Severity.URGENT, "production", "oven_failure"),
                BOTH,
                Optional.empty(),
                elevenPm);
        assertEquals(List.of("email:ops@bakery.example:pending", "whatsapp:+34600000001:pending"), channels(urgent));
        assertTrue(urgent.deliveries().stream().allMatch(p -> p.dueAt().equals(elevenPm)));

        Instant tenAm = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, MADRID).toInstant();
        Plan daytime = DeliveryDecisions.decide(
                settings, new AlertFacts(Severity.HIGH, "inventory", "low_stock"), BOTH, Optional.empty(), tenAm);
        assertEquals(List.of("email:ops@bakery.example:pending"), channels(daytime));
    }
}
