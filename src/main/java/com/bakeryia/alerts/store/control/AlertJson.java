package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.Severity;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.platform.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The published form of a stored alert: the SSE {@code data:}, the Redis payload, the history item. */
public final class AlertJson {

    private AlertJson() {
    }

    public static JsonObject of(Alert alert) {
        var json = JsonFactories.objectBuilder()
                .add("id", alert.alertId())
                .add("seq", alert.seq());
        if (alert.position() != null) {
            json.add("position", alert.position());
        }
        return json
                .add("tenant_id", alert.tenantId())
                .add("item_type", alert.itemType().wireName())
                .add("service", alert.service())
                .add("type", alert.type())
                .add("severity", alert.severity().wireName())
                .add("title", alert.title())
                .add("message", alert.message() == null ? "" : alert.message())
                .add("actions", parse(alert.actionsJson(), JsonValue.EMPTY_JSON_ARRAY))
                .add("metadata", parse(alert.metadataJson(), JsonValue.EMPTY_JSON_OBJECT))
                .add("timestamp", alert.occurredAt().toString())
                .add("stored_at", alert.storedAt().toString())
                .build();
    }

    public static PublishedAlert published(Alert alert) {
        return new PublishedAlert(alert.seq(), alert.position() == null ? 0 : alert.position(), alert.alertId(), alert.tenantId(), alert.service(), alert.type(),
                alert.severity(), PublishedAlert.eventName(alert.itemType(), alert.service()), of(alert).toString());
    }

    /**
     * Reads the published form back (what Redis carries) into what a stream needs.
     *
     * @throws IllegalArgumentException when the text is not a published alert
     */
    public static PublishedAlert fromPublished(String json) {
        try (var reader = JsonFactories.reader(json)) {
            JsonObject alert = reader.readObject();
            ItemType itemType = ItemType.fromWire(alert.getString("item_type"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown item_type"));
            Severity severity = Severity.fromWire(alert.getString("severity"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown severity"));
            String service = alert.getString("service");
            return new PublishedAlert(alert.getJsonNumber("seq").longValueExact(),
                    alert.getJsonNumber("position").longValueExact(), alert.getString("id"),
                    alert.getString("tenant_id"), service, alert.getString("type"), severity,
                    PublishedAlert.eventName(itemType, service), json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a published alert: " + e.getMessage(), e);
        }
    }

    private static JsonValue parse(String json, JsonValue fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        try (var reader = JsonFactories.reader(json)) {
            return reader.readValue();
        }
    }
}
