package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.platform.JsonFactories;
import com.bakeryia.alerts.platform.JsonInput;
import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.logging.Logger;

/** The published form of a stored alert: the SSE {@code data:}, the Redis payload, the history item. */
public final class AlertJson {

    private static final Logger LOG = Logger.getLogger(AlertJson.class.getName());

    private AlertJson() {}

    public static JsonObject of(Alert alert) {
        var json = JsonFactories.objectBuilder().add("id", alert.alertId()).add("seq", alert.seq());
        if (alert.position() != null) {
            json.add("position", alert.position());
        }
        return json.add("tenant_id", alert.tenantId())
                .add("item_type", alert.itemType().wireName())
                .add("service", alert.service())
                .add("type", alert.type())
                .add("severity", alert.severity().wireName())
                .add("title", alert.title())
                .add("message", alert.message() == null ? "" : alert.message())
                .add(
                        "actions",
                        stored(
                                alert,
                                "actions",
                                alert.actionsJson(),
                                JsonValue.ValueType.ARRAY,
                                JsonValue.EMPTY_JSON_ARRAY))
                .add(
                        "metadata",
                        stored(
                                alert,
                                "metadata",
                                alert.metadataJson(),
                                JsonValue.ValueType.OBJECT,
                                JsonValue.EMPTY_JSON_OBJECT))
                .add("timestamp", alert.occurredAt().toString())
                .add("stored_at", alert.storedAt().toString())
                .build();
    }

    public static PublishedAlert published(Alert alert) {
        return new PublishedAlert(
                alert.seq(),
                alert.position() == null ? 0 : alert.position(),
                alert.alertId(),
                alert.tenantId(),
                alert.service(),
                alert.type(),
                alert.severity(),
                PublishedAlert.eventName(alert.itemType(), alert.service()),
                of(alert).toString());
    }

    /**
     * Reads the published form back (what Redis carries) into what a stream needs.
     *
     * @throws IllegalArgumentException when the text is not a published alert
     */
    public static PublishedAlert fromPublished(String json) {
        JsonObject alert;
        try {
            alert = JsonInput.read(json).asJsonObject();
        } catch (JsonInput.BadJson e) {
            throw new IllegalArgumentException("Not a published alert: " + e.getMessage(), e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("Not a published alert: not a JSON object", e);
        }
        try {
            ItemType itemType = ItemType.fromWire(alert.getString("item_type"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown item_type"));
            Severity severity = Severity.fromWire(alert.getString("severity"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown severity"));
            String service = alert.getString("service");
            return new PublishedAlert(
                    alert.getJsonNumber("seq").longValueExact(),
                    alert.getJsonNumber("position").longValueExact(),
                    alert.getString("id"),
                    alert.getString("tenant_id"),
                    service,
                    alert.getString("type"),
                    severity,
                    PublishedAlert.eventName(itemType, service),
                    json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a published alert: " + e.getMessage(), e);
        }
    }

    /**
     * A JSON column read back. The parser wrote it, so it reads; should a row hold something else
     * (written by hand, or by an older version), the alert is still shown, with the fallback in
     * place of that field and a warning naming the row, rather than failing every history page and
     * replay that includes it.
     */
    private static JsonValue stored(
            Alert alert, String field, String json, JsonValue.ValueType type, JsonValue fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        try {
            JsonValue value = JsonInput.read(json);
            if (value.getValueType() == type) {
                return value;
            }
        } catch (JsonInput.BadJson e) {
            LOG.warning(() -> "Alert " + alert.alertId() + " has unreadable stored " + field + " (" + e.getMessage()
                    + "); shown as " + fallback);
            return fallback;
        }
        LOG.warning(
                () -> "Alert " + alert.alertId() + " has stored " + field + " of the wrong type; shown as " + fallback);
        return fallback;
    }
}
