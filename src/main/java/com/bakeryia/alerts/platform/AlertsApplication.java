package com.bakeryia.alerts.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({AlertsApplication.PUBLISHER_ROLE})
public class AlertsApplication extends Application {

    /** The token group that may publish alerts through {@code POST /api/alerts}. */
    public static final String PUBLISHER_ROLE = "alert-publisher";
}
