package com.bakeryia.alerts.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The time of day the application works with: a {@link Clock} to inject, so decisions about time can be tested. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock system() {
        return Clock.systemUTC();
    }
}
