package com.bakeryia.alerts.store.control;

/**
 * An alert was stored (fired inside the storing transaction). Observed after the commit by the
 * fan-out, which then reads committed alerts from the database: the event carries only ids.
 */
public record AlertStored(long seq, String alertId) {}
