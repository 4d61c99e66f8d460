package com.bakeryia.alerts.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    static final String PUBLISHED = """
            {"id":"a1","seq":42,"position":7,"tenant_id":"bakery-centro","item_type":"alert","service":"inventory",\
            "type":"low_stock","severity":"high","title":"t","message":"","actions":[],"metadata":{},\
            "timestamp":"2026-11-27T08:00:00Z","stored_at":"2026-11-27T08:00:01Z"}""";

    @Test
    void readsThePublishedFormBackIntoWhatAStreamNeeds() {
        PublishedAlert alert = AlertJson.fromPublished(PUBLISHED);
        assertEquals(42, alert.seq());
        assertEquals(7, alert.position(), "the stream position travels with the alert");
        assertEquals("a1", alert.alertId());
        assertEquals("bakery-centro", alert.tenantId());
        assertEquals("inventory_alert", alert.eventName());
        assertEquals(PUBLISHED, alert.json(), "the data is forwarded as published");
    }

    @Test
    void namesNotificationsAsSuch() {
        assertEquals(
                "notification",
                AlertJson.fromPublished(PUBLISHED.replace("\"alert\"", "\"notification\""))
                        .eventName());
    }

    @Test
    void refusesWhatIsNotAPublishedAlert() {
        assertThrows(IllegalArgumentException.class, () -> AlertJson.fromPublished("{}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AlertJson.fromPublished(PUBLISHED.replace("\"position\":7,", "")),
                "an alert without a stream position was never positioned: not publishable");
        assertThrows(IllegalArgumentException.class, () -> AlertJson.fromPublished("not json"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AlertJson.fromPublished(PUBLISHED.replace("\"alert\"", "\"memo\"")));
    }
}
