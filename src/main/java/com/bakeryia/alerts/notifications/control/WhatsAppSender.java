package com.bakeryia.alerts.notifications.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends one delivery as a WhatsApp message through Twilio: {@code POST
 * {base}/2010-04-01/Accounts/{sid}/Messages.json} with {@code To=whatsapp:<number>},
 * {@code From=whatsapp:<sender>} and {@code Body}, HTTP basic auth with the account and its token.
 * 2xx is sent; 429 and 5xx are tried again (429 not before its {@code Retry-After}); time-outs and
 * broken connections too; any other 4xx is a request Twilio will never accept: failed, with Twilio's
 * error code and message.
 */
public final class WhatsAppSender {

    private final TwilioSettings settings;
    private final String dashboardUrl;
    private final TwilioMessagesApi api;
    private final String authorization;

    public WhatsAppSender(TwilioSettings settings, String dashboardUrl) {
        this.settings = settings;
        this.dashboardUrl = dashboardUrl;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(settings.baseUrl())
                .connectTimeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(TwilioMessagesApi.class);
        String credentials =
                settings.accountSid().orElseThrow() + ":" + settings.authToken().orElseThrow();
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    public void send(DeliveryJob job) throws DeliveryFailure {
        Form form = new Form()
                .param("To", "whatsapp:" + job.recipient())
                .param("From", "whatsapp:" + settings.whatsappFrom().orElseThrow())
                .param("Body", WhatsAppMessages.body(job, dashboardUrl));
        Response response;
        try {
            response = api.create(settings.accountSid().orElseThrow(), authorization, form);
        } catch (ProcessingException e) {
            throw DeliveryFailure.retry("Twilio unreachable or too slow: " + e.getMessage(), e);
        }
        try (response) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return;
            }
            String error = twilioError(response);
            if (status == 429) {
                Duration after = retryAfter(response.getHeaderString("Retry-After"));
                String message = "Twilio is rate limiting (HTTP 429)" + error;
                throw after == null ? DeliveryFailure.retry(message, null) : DeliveryFailure.retryAfter(message, after);
            }
            if (status >= 500) {
                throw DeliveryFailure.retry("Twilio failed (HTTP " + status + ")" + error, null);
            }
            throw DeliveryFailure.permanent("Twilio refused the message (HTTP " + status + ")" + error);
        }
    }

    /** {@code ": error 21211: The 'To' number is not a valid phone number."}, from Twilio's JSON error body. */
    private static String twilioError(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            try (var reader = com.bakeryia.alerts.platform.JsonFactories.reader(body)) {
                JsonValue value = reader.readValue();
                if (value instanceof JsonObject json) {
                    String code = json.get("code") instanceof JsonNumber number ? number.toString() : null;
                    String message = json.get("message") instanceof JsonString text ? text.getString() : null;
                    if (code != null || message != null) {
                        return ": error " + (code == null ? "?" : code) + (message == null ? "" : ": " + message);
                    }
                }
            }
            return "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /**
     * {@code Retry-After} as delay-seconds (digits only) or an HTTP date (a past date: now); null when
     * absent or unreadable (a negative or fractional number included), so the back-off alone decides.
     */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(java.time.Instant.now(), when.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
