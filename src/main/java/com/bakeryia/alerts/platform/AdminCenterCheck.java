package com.bakeryia.alerts.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Says at start-up, in one line, what became of Liberty's Admin Center ({@code ADMIN_CENTER}). The
 * server configuration does the switching ({@code server.xml} includes
 * {@code admin-center-${admin.center}.xml}); this only reads the same settings and names what is
 * wrong, because Liberty's own messages do not name the variables: {@code ADMIN_CENTER=on} without
 * {@code ADMIN_USER} or {@code ADMIN_PASSWORD} leaves the administrator's registry without a valid
 * user (Liberty: CWWKS3100E, CWWKS3103W), so Admin Center admits no one; an unknown value includes a
 * file that does not exist (CWWKG0090E), so Admin Center stays off; and Admin Center still running
 * although it should be off is a configuration Liberty kept from an earlier, warm start (see
 * {@link #stale}). Readiness is not affected: the API serves as before. The password is only tested
 * for presence, never logged.
 */
@ApplicationScoped
public class AdminCenterCheck {

    private static final Logger LOG = Logger.getLogger(AdminCenterCheck.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Config config = ConfigProvider.getConfig();
        String mode = config.getOptionalValue("admin.center", String.class).orElse("off");
        // A stale configuration first: then what the variables say is not what runs.
        Optional<String> problem = stale(mode, restConnectorRunning())
                .or(() -> problem(
                        mode,
                        config.getOptionalValue("admin.user", String.class),
                        config.getOptionalValue("admin.password", String.class)));
        if (problem.isPresent()) {
            LOG.severe(problem.get());
        } else if (mode.equals("on")) {
            LOG.info("Admin Center is on: https://<host>:<HTTPS_PORT>/adminCenter/ for ADMIN_USER "
                    + printable(config.getValue("admin.user", String.class).strip())
                    + " (reach it with kubectl port-forward, never through an ingress)");
        }
    }

    /** The start-up error line for these settings, if they are wrong. */
    static Optional<String> problem(String mode, Optional<String> user, Optional<String> password) {
        if (mode.equals("off")) {
            return Optional.empty();
        }
        if (!mode.equals("on")) {
            return Optional.of("ADMIN_CENTER=" + printable(mode)
                    + " is neither 'on' nor 'off': Admin Center stays off (Liberty names the missing file"
                    + " admin-center-<value>.xml in CWWKG0090E)");
        }
        List<String> missing = new ArrayList<>();
        if (user.map(String::isBlank).orElse(true)) {
            missing.add("ADMIN_USER");
        }
        if (password.map(String::isBlank).orElse(true)) {
            missing.add("ADMIN_PASSWORD");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ADMIN_CENTER=on but " + String.join(" and ", missing)
                + (missing.size() == 1 ? " is" : " are")
                + " not set: Admin Center admits no one (its user registry has no valid user;"
                + " Liberty logs CWWKS3100E). Set both, there is no default password.");
    }

    /**
     * Whether Liberty runs the configuration of an earlier start: it does not notice that a variable
     * now selects another include when no configuration file changed (verified with 26.0.0.3: after
     * a start with {@code ADMIN_CENTER=on}, a warm restart with {@code off} or an unknown value kept
     * Admin Center on, with the earlier administrator; the variables themselves are re-read). Admin
     * Center's REST connector registers MBeans of its own: they show what really runs.
     */
    static Optional<String> stale(String mode, boolean restConnectorRunning) {
        if (mode.equals("on") || !restConnectorRunning) {
            return Optional.empty();
        }
        return Optional.of("ADMIN_CENTER=" + printable(mode)
                + " but Admin Center is still on: Liberty started from the configuration an earlier start"
                + " cached (it does not re-read a variable that selects an include on a warm start)."
                + " Restart the server with --clean (server start --clean).");
    }

    private static boolean restConnectorRunning() {
        try {
            return !ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("WebSphere:feature=restConnector,*"), null)
                    .isEmpty();
        } catch (MalformedObjectNameException | RuntimeException e) {
            LOG.warning("Could not tell whether Admin Center runs: " + e);
            return false;
        }
    }

    /** A configuration value as it may appear in a log line: short, one line, no control characters. */
    private static String printable(String value) {
        String shown = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "'";
    }
}
