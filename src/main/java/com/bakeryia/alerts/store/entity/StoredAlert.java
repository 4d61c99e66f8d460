package com.bakeryia.alerts.store.entity;

/**
 * A stored alert as it travels to the streams: its row id (what duplicate deliveries are recognised
 * by), its stream position (the SSE cursor, 0 before the relay gave one), its tenant, what stream filters look at
 * (service, type, severity), the SSE event name and the JSON that every stream (and Redis) carries
 * as data. Serialised once, at store time.
 */
public record StoredAlert(long seq, long position, String alertId, String tenantId, String service, String type,
                          Severity severity, String eventName, String json) {

    public static String eventName(ItemType itemType, String service) {
        return itemType == ItemType.ALERT ? service + "_alert" : "notification";
    }
}
