/**
 * The JAX-RS application and what every resource shares: the {@code /api} root, MicroProfile JWT
 * as the login method, and JSON error bodies ({@code {"error": ..., "message": ...}}).
 */
package com.bakeryia.alerts.platform;
