/**
 * Who is calling: bearer tokens (MicroProfile JWT format and configuration keys) verified by the
 * application, from the Authorization header or, for event streams, {@code ?token=}; and, while no
 * key is configured, a development key kept in the database that signs demo-login tokens.
 */
package com.bakeryia.alerts.auth;
