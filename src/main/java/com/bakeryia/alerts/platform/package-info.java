/**
 * What every component shares: the JAX-RS application under {@code /api}, JSON error bodies
 * ({@code {"error": ..., "message": ...}}) and the database schema's migrations.
 */
package com.bakeryia.alerts.platform;
