package com.bakeryia.alerts.store.control;

/**
 * Hands an accepted alert to the alerts queue, the same way in as every other producer, so the
 * message-driven bean is the only place that stores. Returns once the broker has the message.
 * Which broker is configuration ({@code MESSAGING}): the messaging package holds the adapters.
 */
public interface AlertPublisher {

    /** @throws QueueUnavailable when the broker did not take the message */
    void publish(AlertSubmission alert, byte[] body);

    /** @return null when the broker is reachable and alerts queued there are consumed, else why not */
    String unreachableBecause();
}
