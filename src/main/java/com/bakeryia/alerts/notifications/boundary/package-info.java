/**
 * What the outside touches of notifications: the settings API
 * ({@code /api/admin/tenants/{tenant}/notifications}), each alert's deliveries
 * ({@code /api/alerts/{id}/deliveries}), and the dispatcher's start.
 */
package com.bakeryia.alerts.notifications.boundary;
