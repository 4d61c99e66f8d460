package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which channels this deployment can send on, read once at start-up and said in one log line per
 * channel: email with {@code SMTP_HOST}, WhatsApp with {@code TWILIO_ACCOUNT_SID}. A channel that is
 * not configured still gets its delivery rows ({@code not_configured}), so the page shows why nothing
 * went out.
 */
@ApplicationScoped
public class Transports {

    private static final Logger LOG = Logger.getLogger(Transports.class.getName());

    private MailSettings mail;
    private TwilioSettings twilio;
    private Set<Channel> configured;

    @PostConstruct
    void read() {
        var config = ConfigProvider.getConfig();
        mail = MailSettings.from(config);
        twilio = TwilioSettings.from(config);
        configured = EnumSet.noneOf(Channel.class);
        if (mail.configured()) {
            configured.add(Channel.EMAIL);
            LOG.info(() -> "Email notifications go out through " + mail.host().orElseThrow() + ":" + mail.port() + " ("
                    + mail.tls() + ")");
        } else if (mail.problem().isPresent()) {
            LOG.severe(() -> "Email notifications are OFF: " + mail.problem().get());
        } else {
            LOG.info("Email notifications are not configured (SMTP_HOST is not set): email deliveries are"
                    + " recorded as not_configured");
        }
        if (twilio.configured()) {
            configured.add(Channel.WHATSAPP);
            LOG.info(() -> "WhatsApp notifications go out through " + twilio.baseUrl());
        } else if (twilio.problem().isPresent()) {
            LOG.severe(
                    () -> "WhatsApp notifications are OFF: " + twilio.problem().get());
        } else {
            LOG.info("WhatsApp notifications are not configured (TWILIO_ACCOUNT_SID is not set): WhatsApp"
                    + " deliveries are recorded as not_configured");
        }
        configured = Set.copyOf(configured);
    }

    public Set<Channel> configured() {
        return configured;
    }

    public MailSettings mail() {
        return mail;
    }

    public TwilioSettings twilio() {
        return twilio;
    }
}
