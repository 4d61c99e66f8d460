package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.platform.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * What happens to one message from the alerts queue: parse, store once, or dead-letter with the
 * reason when it can never succeed. A passing failure (the database is down) is thrown, so the
 * transaction rolls back and the broker redelivers up to its limit; losing a race with another
 * delivery of the same id rolls back quietly, and the redelivery sees the duplicate.
 */
@ApplicationScoped
public class AlertProcessor {

    private static final Logger LOG = Logger.getLogger(AlertProcessor.class.getName());

    @Inject
    AlertStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    SchemaMigrations schema;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public void process(byte[] body) {
        if (!schema.awaitCompleted(60)) {
            throw new IllegalStateException("The database schema is not ready yet; the message will be redelivered");
        }
        AlertSubmission submission;
        try {
            submission = AlertParser.parse(body);
        } catch (InvalidAlert invalid) {
            reject(body, invalid.code(), invalid.getMessage());
            return;
        } catch (RuntimeException unforeseen) {
            // Parsing depends on the bytes alone: a redelivery would fail the same way, up to the
            // delivery limit. Dead-letter at once; the type names the gap for a fix.
            reject(
                    body,
                    "unreadable",
                    "The alert could not be read (" + unforeseen.getClass().getSimpleName() + ").");
            return;
        }
        try {
            store.storeOnce(submission)
                    .ifPresentOrElse(
                            stored -> LOG.fine(() -> "Stored alert " + stored.alertId() + " as " + stored.seq()),
                            () -> LOG.info(() -> "Alert " + submission.id() + " was stored before; duplicate ignored"));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            // Another transaction committed the same key first: another delivery of this alert, or
            // the first alert of the same notification group. Thrown on, this would be logged as an
            // unexpected bean failure with its stack trace; the outcome is the designed one either
            // way: this transaction rolls back, and the redelivery finds what the other one stored.
            transactions.setRollbackOnly();
            LOG.info(() -> "Alert " + submission.id() + " met another transaction on a unique key (the same"
                    + " alert, or a new notification group, stored at the same time); this one rolls back and"
                    + " its redelivery will find it");
        }
    }

    public void reject(byte[] body, String code, String reason) {
        LOG.warning(() -> "Dead-lettering an alert message (" + code + "): " + reason);
        deadLetters.send(body, code, reason);
    }
}
