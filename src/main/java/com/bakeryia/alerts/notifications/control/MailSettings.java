package com.bakeryia.alerts.notifications.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * How email goes out, from the environment ({@code SMTP_HOST} → {@code smtp.host}, …): no host means
 * email is not configured. A setting that cannot work (an unknown {@code SMTP_TLS}, a user without a
 * password) turns email off with the reason in {@link #problem}, never on with something weaker.
 *
 * @param tls {@code starttls} (required, not opportunistic), {@code tls} (implicit, port 465) or {@code none}
 * @param trustHosts hosts whose certificate is accepted without a chain to a trusted authority
 *     (space-separated; for a test or in-house relay with a self-signed certificate); empty = the JVM's trust store
 */
public record MailSettings(
        Optional<String> host,
        int port,
        Optional<String> user,
        Optional<String> password,
        String tls,
        Optional<String> trustHosts,
        String from,
        String dashboardUrl,
        int timeoutMillis,
        Optional<String> problem) {

    static final String DEFAULT_FROM = "alerts@bakery-ia.invalid";
    static final String DEFAULT_DASHBOARD = "http://localhost:9080/";

    public static MailSettings from(Config config) {
        Optional<String> host = nonBlank(config.getOptionalValue("smtp.host", String.class));
        int port = config.getOptionalValue("smtp.port", Integer.class).orElse(587);
        Optional<String> user = nonBlank(config.getOptionalValue("smtp.user", String.class));
        Optional<String> password = nonBlank(config.getOptionalValue("smtp.password", String.class));
        String tls = config.getOptionalValue("smtp.tls", String.class)
                .orElse("starttls")
                .strip()
                .toLowerCase(Locale.ROOT);
        Optional<String> trust = nonBlank(config.getOptionalValue("smtp.trust.hosts", String.class));
        String from =
                nonBlank(config.getOptionalValue("mail.from", String.class)).orElse(DEFAULT_FROM);
        String dashboard =
                nonBlank(config.getOptionalValue("dashboard.url", String.class)).orElse(DEFAULT_DASHBOARD);
        int timeout =
                config.getOptionalValue("smtp.timeout.millis", Integer.class).orElse(20_000);
        Optional<String> problem = Optional.empty();
        if (host.isPresent()) {
            if (!tls.equals("starttls") && !tls.equals("tls") && !tls.equals("none")) {
                problem = Optional.of("SMTP_TLS='" + tls + "' is not one of starttls, tls, none");
            } else if (user.isPresent() != password.isPresent()) {
                problem = Optional.of("SMTP_USER and SMTP_PASSWORD must be set together");
            }
        }
        return new MailSettings(host, port, user, password, tls, trust, from, dashboard, timeout, problem);
    }

    public boolean configured() {
        return host.isPresent() && problem.isEmpty();
    }

    /** The Jakarta Mail session properties for these settings. */
    public Properties sessionProperties() {
        Properties props = new Properties();
        // Always the smtp provider (Transport.send picks it for every internet address); implicit
        // TLS is its ssl.enable.
        String prefix = "mail.smtp.";
        props.setProperty(prefix + "host", host.orElse("localhost"));
        props.setProperty(prefix + "port", String.valueOf(port));
        props.setProperty(prefix + "auth", String.valueOf(user.isPresent()));
        props.setProperty(prefix + "connectiontimeout", String.valueOf(timeoutMillis));
        props.setProperty(prefix + "timeout", String.valueOf(timeoutMillis));
        props.setProperty(prefix + "writetimeout", String.valueOf(timeoutMillis));
        if (tls.equals("tls")) {
            props.setProperty(prefix + "ssl.enable", "true");
        }
        if (tls.equals("starttls")) {
            // Required: a server (or a man in the middle) that does not offer STARTTLS gets no mail
            // and no password in the clear.
            props.setProperty(prefix + "starttls.enable", "true");
            props.setProperty(prefix + "starttls.required", "true");
        }
        if (!tls.equals("none")) {
            props.setProperty(prefix + "ssl.checkserveridentity", String.valueOf(trustHosts.isEmpty()));
            trustHosts.ifPresent(hosts -> props.setProperty(prefix + "ssl.trust", hosts));
        }
        return props;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        // Never the password.
        return "MailSettings[host=" + host.orElse("-") + ", port=" + port + ", tls=" + tls + ", user="
                + user.orElse("-") + "]";
    }
}
