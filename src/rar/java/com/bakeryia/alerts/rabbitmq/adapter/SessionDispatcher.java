package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.jms.client.RMQMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JMS message listener of one consumer session. For each message it runs an
 * {@link EndpointDelivery} through the server's WorkManager, waits for it, then acknowledges the
 * message or recovers the session.
 *
 * <p>It runs on the JMS client's delivery thread for the session and holds it until the outcome
 * is known: acknowledging and recovering then happen on the thread that owns the session, as JMS
 * requires, and with prefetch 1 the broker sends this consumer nothing else meanwhile. Recovering
 * (basic.recover with requeue) hands the message back to the broker, which redelivers it and
 * counts the attempt: a quorum queue's delivery limit then dead-letters a message that keeps
 * failing.
 */
final class SessionDispatcher implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SessionDispatcher.class.getName());

    private final String label;
    private final Session session;
    private final WorkManager workManager;
    private final Endpoint endpoint;
    private final BooleanSupplier accepting;
    private final Consumer<String> sessionUnusable;
    private final Activity activity;

    /**
     * @param label the consumer, for log lines
     * @param session the session whose messages these are (CLIENT_ACKNOWLEDGE)
     * @param accepting false once the consumer is stopping or its link has failed
     * @param sessionUnusable told when acknowledging or recovering failed: the session must be
     *     replaced (the broker redelivers what it did not see acknowledged)
     * @param activity counts the messages received and marks the time spent on each
     */
    SessionDispatcher(
            String label,
            Session session,
            WorkManager workManager,
            Endpoint endpoint,
            BooleanSupplier accepting,
            Consumer<String> sessionUnusable,
            Activity activity) {
        this.label = label;
        this.session = session;
        this.workManager = workManager;
        this.endpoint = endpoint;
        this.accepting = accepting;
        this.sessionUnusable = sessionUnusable;
        this.activity = activity;
    }

    @Override
    public void onMessage(Message message) {
        activity.started();
        try {
            dispatch(message);
        } finally {
            activity.finished();
        }
    }

    private void dispatch(Message message) {
        String messageLabel = describe(message);
        if (!accepting.getAsBoolean()) {
            // Neither acknowledged nor recovered: recovering now would have the broker redeliver
            // it at once, to this consumer, and count a failed attempt each time. The broker
            // requeues it when this connection closes, which is under way.
            LOG.fine(() ->
                    label + ": not delivering " + messageLabel + " while the consumer closes; the broker requeues it");
            return;
        }
        EndpointDelivery delivery = new EndpointDelivery(endpoint, message, messageLabel);
        EndpointDelivery.Outcome outcome;
        try {
            workManager.doWork(delivery);
            outcome = delivery.outcome();
        } catch (WorkException e) {
            outcome = EndpointDelivery.Outcome.redeliver(
                    "the server's WorkManager did not run the delivery (" + Failures.describe(e) + ")");
        }
        if (Thread.currentThread().isInterrupted()) {
            // The JMS client interrupts a listener call that ran past deliveryTimeoutMillis, then
            // closes the channel, which hands the message back to the broker.
            LOG.warning(() -> label + ": the delivery of " + messageLabel + " ran past deliveryTimeoutMillis;"
                    + " the JMS client abandons it and closes the channel, the broker redelivers it"
                    + " and this consumer reconnects");
            return;
        }
        settle(message, messageLabel, outcome);
    }

    private void settle(Message message, String messageLabel, EndpointDelivery.Outcome outcome) {
        try {
            if (outcome.acknowledge()) {
                message.acknowledge();
                LOG.fine(() -> label + ": acknowledged " + messageLabel + " (" + outcome.reason() + ")");
            } else {
                LOG.warning(() -> label + ": not acknowledging " + messageLabel + ": " + outcome.reason()
                        + "; recovering the session so that the broker redelivers it");
                session.recover();
            }
        } catch (JMSException | RuntimeException e) {
            String action = outcome.acknowledge() ? "acknowledge" : "recover the session for";
            String reason = "could not " + action + " " + messageLabel + " (" + Failures.describe(e) + ")";
            LOG.log(Level.WARNING, label + ": " + reason + "; reconnecting, and the broker redelivers it");
            sessionUnusable.accept(reason);
        }
    }

    /**
     * The message for log lines: the broker's delivery tag, the JMS message id when the producer
     * set one (plain AMQP messages have none), and which delivery this is.
     */
    static String describe(Message message) {
        StringBuilder text = new StringBuilder("message");
        if (message instanceof RMQMessage rabbit) {
            text.append(" tag=").append(rabbit.getRabbitDeliveryTag());
        }
        try {
            String id = message.getJMSMessageID();
            if (id != null) {
                text.append(" id=").append(id);
            }
            if (message.propertyExists("JMSXDeliveryCount")) {
                text.append(" delivery=").append(message.getIntProperty("JMSXDeliveryCount"));
            }
        } catch (JMSException | RuntimeException e) {
            // Only for logging.
        }
        return text.toString();
    }
}
