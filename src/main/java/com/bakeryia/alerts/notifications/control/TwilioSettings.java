package com.bakeryia.alerts.notifications.control;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * How WhatsApp messages go out through Twilio's Messages API, from the environment
 * ({@code TWILIO_ACCOUNT_SID} → {@code twilio.account.sid}, …): without an account WhatsApp is not
 * configured; an account without its token or sender turns it off with the reason in {@link #problem}.
 *
 * @param perTenantPerMinute messages each tenant may send per minute (per server); more wait
 */
public record TwilioSettings(
        Optional<String> accountSid,
        Optional<String> authToken,
        Optional<String> whatsappFrom,
        URI baseUrl,
        int timeoutMillis,
        int perTenantPerMinute,
        Optional<String> problem) {

    static final String DEFAULT_BASE_URL = "https://api.twilio.com";
    private static final Pattern E164 = SettingsJson.E164;

    public static TwilioSettings from(Config config) {
        Optional<String> sid = nonBlank(config.getOptionalValue("twilio.account.sid", String.class));
        Optional<String> token = nonBlank(config.getOptionalValue("twilio.auth.token", String.class));
        Optional<String> from = nonBlank(config.getOptionalValue("twilio.whatsapp.from", String.class));
        String base = nonBlank(config.getOptionalValue("twilio.api.base.url", String.class))
                .orElse(DEFAULT_BASE_URL);
        int timeout =
                config.getOptionalValue("twilio.timeout.millis", Integer.class).orElse(10_000);
        int rate = config.getOptionalValue("twilio.rate.per.tenant.per.minute", Integer.class)
                .orElse(60);
        Optional<String> problem = Optional.empty();
        URI uri = URI.create(DEFAULT_BASE_URL);
        if (sid.isPresent()) {
            if (token.isEmpty()) {
                problem = Optional.of("TWILIO_ACCOUNT_SID is set without TWILIO_AUTH_TOKEN");
            } else if (from.isEmpty() || !E164.matcher(from.get()).matches()) {
                problem = Optional.of("TWILIO_WHATSAPP_FROM must be the sender's number in E.164 form (+14155238886)");
            } else if (rate < 1) {
                problem = Optional.of("TWILIO_RATE_PER_TENANT_PER_MINUTE must be at least 1");
            } else {
                try {
                    uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
                    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                        problem = Optional.of("TWILIO_API_BASE_URL must be an http(s) URL");
                    }
                } catch (IllegalArgumentException e) {
                    problem = Optional.of("TWILIO_API_BASE_URL is not a URL");
                }
            }
        }
        return new TwilioSettings(sid, token, from, uri, timeout, rate, problem);
    }

    public boolean configured() {
        return accountSid.isPresent() && problem.isEmpty();
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        // Never the token.
        return "TwilioSettings[account=" + accountSid.orElse("-") + ", base=" + baseUrl + "]";
    }
}
