package com.bakeryia.alerts.notifications.boundary;

import com.bakeryia.alerts.notifications.control.DeliveryDispatcher;
import com.bakeryia.alerts.notifications.control.Transports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the transports' settings (one log line each) and starts the dispatcher thread, unless
 * {@code NOTIFICATIONS_DISPATCH=off}: then this server still decides and stores every alert's
 * deliveries, and other servers of the deployment send them (for pods that should not talk to
 * SMTP or Twilio, or to pause sending during an incident).
 */
@ApplicationScoped
public class NotificationsStartup {

    private static final Logger LOG = Logger.getLogger(NotificationsStartup.class.getName());

    @Inject
    Transports transports;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "notifications.dispatch", defaultValue = "on")
    String dispatch;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        transports.configured();
        String mode = dispatch.strip().toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            LOG.warning("Notification dispatch is off on this server (NOTIFICATIONS_DISPATCH=off): deliveries are"
                    + " stored here and sent by the servers where it is on");
            return;
        }
        if (!mode.equals("on")) {
            LOG.severe(() -> "NOTIFICATIONS_DISPATCH='" + dispatch + "' is neither on nor off; dispatching (on)");
        }
        dispatcher.start();
    }
}
