package com.bakeryia.alerts.notifications.control;

import java.util.Locale;

/** The WhatsApp text for a delivery: short, the same facts as the email. */
public final class WhatsAppMessages {

    static final int MAX_BODY = 1500;

    private WhatsAppMessages() {}

    public static String body(DeliveryJob job, String dashboardUrl) {
        StringBuilder body = new StringBuilder()
                .append('[')
                .append(job.severity().wireName().toUpperCase(Locale.ROOT))
                .append("] ")
                .append(job.title())
                .append(" — ")
                .append(job.tenantId());
        if (job.message() != null && !job.message().isBlank()) {
            body.append('\n').append(job.message());
        }
        if (job.suppressedBefore() > 0) {
            body.append('\n').append(EmailMessages.suppressed(job));
        }
        String link = "\n" + EmailMessages.link(job, dashboardUrl);
        int room = MAX_BODY - link.length();
        if (body.length() <= room) {
            return body + link;
        }
        int end = Math.max(room - 1, 0);
        if (end > 0 && Character.isHighSurrogate(body.charAt(end - 1))) {
            end--; // never half of a character outside the basic plane (an emoji, say)
        }
        return body.substring(0, end) + "…" + link;
    }
}
