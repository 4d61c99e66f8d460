package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.JMSException;

/** Exceptions as one log-line phrase. */
final class Failures {

    /**
     * Longest message taken from one exception: database exceptions carry whole statements, which
     * would drown the line.
     */
    static final int MAX_MESSAGE_LENGTH = 300;

    private Failures() {}

    /**
     * The exception's class and message, then each cause's, e.g. {@code RMQJMSException: RabbitMQ
     * connection was refused (caused by ConnectException: Connection refused)}. JMS exceptions
     * carry their cause as a "linked exception", which is followed too.
     */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        int causes = 0;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (depth > 0) {
                text.append(" (caused by ");
                causes++;
            }
            text.append(current.getClass().getSimpleName());
            String message = current.getMessage();
            if (message != null) {
                text.append(": ")
                        .append(
                                message.length() <= MAX_MESSAGE_LENGTH
                                        ? message
                                        : message.substring(0, MAX_MESSAGE_LENGTH) + "...");
            }
            Throwable next = current.getCause();
            if (next == null && current instanceof JMSException jms) {
                next = jms.getLinkedException();
            }
            current = next == current ? null : next;
        }
        text.append(")".repeat(causes));
        return text.toString();
    }
}
