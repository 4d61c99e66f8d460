package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.store.entity.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsJsonTest {

    static final String DESIGN_EXAMPLE = """
            { "recipients": { "email": ["ops@bakery.example"], "whatsapp": ["+34600000001"] },
              "rules": [ { "severity": ["urgent"], "service": [], "type": [], "channels": ["email", "whatsapp"] },
                         { "severity": ["high"], "channels": ["email"] } ],
              "quiet_hours": { "from": "22:00", "to": "06:00", "time_zone": "Europe/Madrid" },
              "group_window_seconds": 300 }""";

    @Test
    void readsTheDesignExample() {
        NotificationSettings settings = SettingsJson.parse(DESIGN_EXAMPLE);
        assertEquals(List.of("ops@bakery.example"), settings.emails());
        assertEquals(List.of("+34600000001"), settings.whatsapp());
        assertEquals(2, settings.rules().size());
        assertEquals(Set.of(Severity.URGENT), settings.rules().get(0).severities());
        assertEquals(
                List.of(Channel.EMAIL, Channel.WHATSAPP),
                settings.rules().get(0).channels());
        assertEquals(LocalTime.of(22, 0), settings.quietHours().orElseThrow().from());
        assertEquals("Europe/Madrid", settings.quietHours().orElseThrow().zone().getId());
        assertEquals(Duration.ofSeconds(300), settings.groupWindow());
    }

    @Test
    void writesWhatItReadsSoAStoredDocumentReadsBackTheSame() {
        NotificationSettings settings = SettingsJson.parse(DESIGN_EXAMPLE);
        String written = SettingsJson.write(settings).toString();
        assertEquals(settings, SettingsJson.parse(written));
        assertEquals(written, SettingsJson.write(SettingsJson.parse(written)).toString());
    }

    @Test
    void missingPartsTakeTheDefaults() {
        NotificationSettings settings = SettingsJson.parse("{}");
        assertEquals(NotificationSettings.DEFAULTS, settings);
        NotificationSettings emailOnly = SettingsJson.parse("{\"recipients\": {\"email\": [\"a@b.example\"]}}");
        assertEquals(NotificationSettings.DEFAULTS.rules(), emailOnly.rules(), "no rules given: the default rules");
        assertEquals(List.of(), SettingsJson.parse("{\"rules\": []}").rules(), "[]: in-app only");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[] | body",
                "{\"reciepients\": {}} | reciepients",
                "{\"recipients\": [\"a@b.example\"]} | recipients",
                "{\"recipients\": {\"sms\": []}} | recipients.sms",
                "{\"recipients\": {\"email\": [\"a@b.example\", \"not-an-address\"]}} | recipients.email[1]",
                "{\"recipients\": {\"email\": [\"a@b.example\", \"A@b.example\"]}} | recipients.email[1]",
                "{\"recipients\": {\"email\": [42]}} | recipients.email[0]",
                "{\"recipients\": {\"whatsapp\": [\"600000001\"]}} | recipients.whatsapp[0]",
                "{\"recipients\": {\"whatsapp\": [\"+0600000001\"]}} | recipients.whatsapp[0]",
                "{\"rules\": {}} | rules",
                "{\"rules\": [{\"severity\": [\"urgent\"]}]} | rules[0].channels",
                "{\"rules\": [{\"channels\": []}, {\"severity\": [\"critical\"], \"channels\": []}]} | rules[1].severity",
                "{\"rules\": [{\"channels\": [\"sms\"]}]} | rules[0].channels",
                "{\"rules\": [{\"service\": [\"Inventory!\"], \"channels\": []}]} | rules[0].service[0]",
                "{\"rules\": [{\"channels\": [], \"when\": \"always\"}]} | rules[0].when",
                "{\"quiet_hours\": {\"from\": \"22:00\", \"to\": \"06:00\"}} | quiet_hours.time_zone",
                "{\"quiet_hours\": {\"from\": \"22:00\", \"to\": \"06:00\", \"time_zone\": \"Mars/Olympus\"}} | quiet_hours.time_zone",
                "{\"quiet_hours\": {\"from\": \"10pm\", \"to\": \"06:00\", \"time_zone\": \"UTC\"}} | quiet_hours.from",
                "{\"quiet_hours\": {\"from\": \"22:00\", \"to\": \"24:00\", \"time_zone\": \"UTC\"}} | quiet_hours.to",
                "{\"quiet_hours\": {\"from\": \"22:00\", \"to\": \"22:00\", \"time_zone\": \"UTC\"}} | quiet_hours.to",
                "{\"group_window_seconds\": -1} | group_window_seconds",
                "{\"group_window_seconds\": 1.5} | group_window_seconds",
                "{\"group_window_seconds\": \"300\"} | group_window_seconds",
                "{\"group_window_seconds\": 86401} | group_window_seconds",
            })
    void aBadFieldIsRefusedByName(String body, String field) {
        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> SettingsJson.parse(body));
        assertEquals(field, invalid.field());
        assertTrue(invalid.getMessage().startsWith(field + ": "), invalid.getMessage());
    }

    @Test
    void malformedJsonIsRefusedWithTheBodyNamed() {
        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> SettingsJson.parse("{\"rules\": ["));
        assertEquals("body", invalid.field());
        assertEquals("malformed_json", invalid.code());
    }

    @Test
    void tooManyRecipientsAreRefused() {
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i <= SettingsJson.MAX_RECIPIENTS; i++) {
            emails.append(i == 0 ? "" : ",").append("\"ops").append(i).append("@bakery.example\"");
        }
        InvalidSettings invalid = assertThrows(
                InvalidSettings.class, () -> SettingsJson.parse("{\"recipients\": {\"email\": [" + emails + "]}}"));
        assertEquals("recipients.email", invalid.field());
    }
}
