package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's transactions as a resource adapter sees them: one transaction per thread,
 * begun and completed by {@link FakeEndpointFactory}'s endpoints in beforeDelivery and
 * afterDelivery, with interposed synchronizations told the outcome, as a JTA manager does.
 */
public final class FakeTransactions implements TransactionSynchronizationRegistry {

    private static final class Transaction {
        final List<Synchronization> synchronizations = new ArrayList<>();
        final Map<Object, Object> resources = new HashMap<>();
        boolean rollbackOnly;
    }

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    void begin() {
        if (current.get() != null) {
            throw new IllegalStateException("A transaction is already active on this thread");
        }
        current.set(new Transaction());
    }

    /** Commits unless marked rollback-only or {@code rollback}; returns the final status. */
    int complete(boolean rollback) {
        Transaction transaction = active();
        current.remove();
        int status = rollback || transaction.rollbackOnly ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED;
        for (Synchronization synchronization : transaction.synchronizations) {
            synchronization.beforeCompletion();
        }
        for (Synchronization synchronization : transaction.synchronizations) {
            synchronization.afterCompletion(status);
        }
        return status;
    }

    private Transaction active() {
        Transaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("No transaction is active on this thread");
        }
        return transaction;
    }

    @Override
    public Object getTransactionKey() {
        return current.get();
    }

    @Override
    public void putResource(Object key, Object value) {
        active().resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return active().resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        active().synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        Transaction transaction = current.get();
        if (transaction == null) {
            return Status.STATUS_NO_TRANSACTION;
        }
        return transaction.rollbackOnly ? Status.STATUS_MARKED_ROLLBACK : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
        active().rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        return active().rollbackOnly;
    }
}
