/**
 * Who is calling, and whether they may: bearer tokens (MicroProfile JWT format and configuration
 * keys) verified by the application, enforced for every resource method from its
 * {@code @PermitAll}/{@code @RolesAllowed}/{@code @DenyAll} (deny by default), and offered to
 * resources as a {@code JsonWebToken}; and, while the demo login is on ({@code DEMO_LOGIN}), a
 * development key kept in the database that signs demo-login tokens.
 */
package com.bakeryia.alerts.auth;
