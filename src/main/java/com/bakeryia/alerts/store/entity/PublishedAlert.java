package com.bakeryia.alerts.store.entity;

/**
 * A positioned alert as it travels to the streams: its row id, its stream position (the SSE cursor;
 * a stream recognises an alert it had already by it), its tenant, what stream filters look at
 * (service, type, severity), the SSE event name and the JSON that every stream (and Redis) carries
 * as data, serialised once when the relay positions it (or reads it back).
 */
public record PublishedAlert(
        long seq,
        long position,
        String alertId,
        String tenantId,
        String service,
        String type,
        Severity severity,
        String eventName,
        String json) {

    public static String eventName(ItemType itemType, String service) {
        return itemType == ItemType.ALERT ? service + "_alert" : "notification";
    }
}
