/**
 * Who is calling: MicroProfile JWT for the Authorization header, the same verification (same
 * MicroProfile Config keys) for a token passed as {@code ?token=}, and, while no key is configured,
 * a development key kept in the database that signs demo-login tokens.
 */
package com.bakeryia.alerts.auth;
