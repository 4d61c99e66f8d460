/**
 * Server-sent event streams: {@code GET /api/events}, one {@code SseBroadcaster} per tenant, the
 * {@code connection} greeting and periodic heartbeats (which also find dead connections).
 */
package com.bakeryia.alerts.streams;
