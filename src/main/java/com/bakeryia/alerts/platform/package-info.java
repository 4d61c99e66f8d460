/**
 * The JAX-RS application and what every resource shares: the {@code /api} root and JSON error
 * bodies ({@code {"error": ..., "message": ...}}).
 */
package com.bakeryia.alerts.platform;
