/** Alerts in and out: HTTP ingest and history (/api/alerts), the message-driven bean, the database's readiness. */
package com.bakeryia.alerts.store.boundary;
