package com.bakeryia.alerts.notifications.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;

/**
 * The email for a delivery: subject {@code [URGENT] <title> — <tenant>}, a plain-text and an HTML
 * part with severity, tenant, title, message, how many similar alerts were suppressed, and a link to
 * the dashboard; a {@code Message-ID} made from the delivery's id, so a retried send of the same
 * delivery carries the same id and a mail system (or a person) can recognise it.
 */
public final class EmailMessages {

    private EmailMessages() {}

    public static String subject(DeliveryJob job) {
        return "[" + job.severity().wireName().toUpperCase(Locale.ROOT) + "] " + job.title() + " — " + job.tenantId();
    }

    public static String messageId(DeliveryJob job, String from) {
        int at = from.lastIndexOf('@');
        String domain = at >= 0 && at < from.length() - 1 ? from.substring(at + 1) : "bakery-alerts";
        return "<delivery-" + job.deliveryId() + "." + job.alertId().replaceAll("[^A-Za-z0-9._-]", "_") + "@" + domain
                + ">";
    }

    public static String link(DeliveryJob job, String dashboardUrl) {
        String separator = dashboardUrl.contains("?") ? "&" : "?";
        return dashboardUrl + separator + "alert=" + URLEncoder.encode(job.alertId(), StandardCharsets.UTF_8);
    }

    public static String text(DeliveryJob job, String dashboardUrl) {
        StringBuilder text = new StringBuilder()
                .append(job.severity().wireName().toUpperCase(Locale.ROOT))
                .append(" alert for ")
                .append(job.tenantId())
                .append("\n\n")
                .append(job.title())
                .append('\n');
        if (job.message() != null && !job.message().isBlank()) {
            text.append('\n').append(job.message()).append('\n');
        }
        if (job.suppressedBefore() > 0) {
            text.append('\n').append(suppressed(job)).append('\n');
        }
        return text.append("\nOpen the dashboard: ")
                .append(link(job, dashboardUrl))
                .append('\n')
                .toString();
    }

    public static String html(DeliveryJob job, String dashboardUrl) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>")
                .append("<p><strong>")
                .append(escape(job.severity().wireName().toUpperCase(Locale.ROOT)))
                .append("</strong> alert for ")
                .append(escape(job.tenantId()))
                .append("</p><h2>")
                .append(escape(job.title()))
                .append("</h2>");
        if (job.message() != null && !job.message().isBlank()) {
            html.append("<p>").append(escape(job.message())).append("</p>");
        }
        if (job.suppressedBefore() > 0) {
            html.append("<p><em>").append(escape(suppressed(job))).append("</em></p>");
        }
        return html.append("<p><a href=\"")
                .append(escape(link(job, dashboardUrl)))
                .append("\">Open the dashboard</a></p></body></html>")
                .toString();
    }

    static String suppressed(DeliveryJob job) {
        return job.suppressedBefore() == 1
                ? "1 similar alert was suppressed since the last notification."
                : job.suppressedBefore() + " similar alerts were suppressed since the last notification.";
    }

    /** The whole message, ready for {@code Transport.send}. */
    public static MimeMessage build(Session session, DeliveryJob job, MailSettings settings) throws MessagingException {
        String id = messageId(job, settings.from());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(job.recipient(), true));
        message.setSubject(subject(job), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(text(job, settings.dashboardUrl()), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(job, settings.dashboardUrl()), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
