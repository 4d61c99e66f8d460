package com.bakeryia.alerts.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API root. Resources authenticate their callers through {@code auth.control.Callers}. */
@ApplicationPath("api")
public class AlertsApplication extends Application {
}
