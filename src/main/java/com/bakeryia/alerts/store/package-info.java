/**
 * Alerts: taking them in (HTTP ingest, the message-driven bean), validating, storing each once by
 * its producer-chosen id, and announcing the stored alert for fan-out after the commit.
 */
package com.bakeryia.alerts.store;
