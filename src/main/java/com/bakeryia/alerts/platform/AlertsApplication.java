package com.bakeryia.alerts.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API root. Every resource method declares who may call it ({@code @PermitAll},
 * {@code @RolesAllowed}, {@code @DenyAll}); {@code auth.boundary.AccessFilter} enforces that and
 * refuses a method that declares nothing.
 */
@ApplicationPath("api")
public class AlertsApplication extends Application {}
