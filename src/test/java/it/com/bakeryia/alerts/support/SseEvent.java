package it.com.bakeryia.alerts.support;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One server-sent event as a client parsed it. */
public record SseEvent(String name, String id, String data, Integer retry, Instant receivedAt) {

    public JsonObject json() {
        return Server.json(data);
    }

    /** An alert or a notification: {@code <service>_alert} or {@code notification}. */
    public boolean isAlert() {
        return name.endsWith("_alert") || "notification".equals(name);
    }
}
