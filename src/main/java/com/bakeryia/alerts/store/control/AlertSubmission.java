package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Alert;
import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A validated alert as a producer sent it, not yet stored. */
public record AlertSubmission(
        String id,
        String tenantId,
        ItemType itemType,
        String service,
        String type,
        Severity severity,
        String title,
        String message,
        JsonArray actions,
        JsonObject metadata,
        Instant timestamp) {

    public Alert toEntity() {
        return new Alert(
                id,
                tenantId,
                itemType,
                service,
                type,
                severity,
                title,
                message,
                actions.toString(),
                metadata.toString(),
                timestamp);
    }
}
