package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.work.Work;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One message through a message endpoint, run by the server's WorkManager, and what to do with
 * the message afterwards.
 *
 * <p>The delivery follows the Connectors protocol for a listener that the container runs in a
 * transaction: {@code createEndpoint(null)}, {@code beforeDelivery(onMessage)} (the container
 * begins the bean's transaction), {@code onMessage}, {@code afterDelivery()} (it commits or rolls
 * back), {@code release()}. The adapter is not a transaction participant (no XAResource), so the
 * message's acknowledgement cannot be part of the transaction; instead the adapter registers an
 * interposed {@link Synchronization} right after {@code beforeDelivery} and acknowledges only if
 * it reports {@link Status#STATUS_COMMITTED}. Return values and exceptions cannot tell: a bean that
 * calls {@code setRollbackOnly()} returns normally and {@code afterDelivery} rolls back quietly.
 *
 * <p>The result is at-least-once delivery: a crash between the commit and the acknowledgement
 * redelivers a message whose work was stored, so the bean must be idempotent (the alerts listener
 * stores each alert id once).
 */
final class EndpointDelivery implements Work {

    private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());

    /** No transaction outcome was reported (no transaction, or not completed yet). */
    static final int NO_OUTCOME = -1;

    /** Acknowledge the message, or not (then the session is recovered and the broker redelivers it). */
    record Outcome(boolean acknowledge, String reason) {

        static Outcome acknowledge(String reason) {
            return new Outcome(true, reason);
        }

        static Outcome redeliver(String reason) {
            return new Outcome(false, reason);
        }
    }

    private final Endpoint endpoint;
    private final Message message;
    private final String messageLabel;
    private volatile Outcome outcome = Outcome.redeliver("the delivery did not complete");

    EndpointDelivery(Endpoint endpoint, Message message, String messageLabel) {
        this.endpoint = endpoint;
        this.message = message;
        this.messageLabel = messageLabel;
    }

    /** What to do with the message; "redeliver" until {@link #run()} has completed. */
    Outcome outcome() {
        return outcome;
    }

    @Override
    public void run() {
        MessageEndpoint instance;
        try {
            instance = endpoint.factory().createEndpoint(null);
        } catch (UnavailableException | RuntimeException e) {
            outcome = Outcome.redeliver("the endpoint is not available (" + Failures.describe(e) + ")");
            return;
        }
        TransactionOutcome transaction = new TransactionOutcome();
        boolean returned = false;
        Exception failure = null;
        boolean begun = false;
        try {
            instance.beforeDelivery(endpoint.onMessage());
            begun = true;
            if (endpoint.transacted()) {
                // Throws IllegalStateException if beforeDelivery began no transaction: then the
                // outcome could not be known, so the bean is not called at all.
                endpoint.transactions().registerInterposedSynchronization(transaction);
            }
            ((MessageListener) instance).onMessage(message);
            returned = true;
        } catch (Exception e) {
            failure = e;
        } finally {
            if (begun) {
                try {
                    instance.afterDelivery();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            try {
                instance.release();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Releasing the endpoint after " + messageLabel + " failed", e);
            }
        }
        outcome = decide(endpoint.transacted(), returned, failure, transaction.status());
        if (failure != null && !outcome.acknowledge()) {
            LOG.log(Level.FINE, "Delivery of " + messageLabel + " to " + endpoint.name() + " failed", failure);
        }
    }

    /**
     * The rule. Transacted: acknowledge if and only if the transaction committed, whatever was
     * thrown (a commit means the bean's work is stored; anything else means it is not).
     * Not transacted: acknowledge if and only if every step returned normally.
     */
    static Outcome decide(boolean transacted, boolean listenerReturned, Throwable failure, int transactionStatus) {
        String thrown = failure == null ? "" : " after " + Failures.describe(failure);
        if (transacted) {
            if (transactionStatus == Status.STATUS_COMMITTED) {
                return Outcome.acknowledge("the transaction committed" + thrown);
            }
            return Outcome.redeliver(describeStatus(transactionStatus) + thrown);
        }
        if (listenerReturned && failure == null) {
            return Outcome.acknowledge("onMessage returned");
        }
        return Outcome.redeliver(failure == null ? "onMessage did not return" : Failures.describe(failure));
    }

    private static String describeStatus(int status) {
        return switch (status) {
            case Status.STATUS_ROLLEDBACK -> "the transaction rolled back";
            case Status.STATUS_UNKNOWN -> "the transaction's outcome is unknown";
            case NO_OUTCOME -> "no transaction outcome was reported";
            default -> "the transaction ended with status " + status;
        };
    }

    /** Nothing to interrupt: the container bounds the bean's call with its transaction timeout. */
    @Override
    public void release() {}

    @Override
    public String toString() {
        return "delivery of " + messageLabel + " to " + endpoint.name();
    }

    /** Learns how the bean's transaction ended. */
    static final class TransactionOutcome implements Synchronization {

        private volatile int status = NO_OUTCOME;

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
