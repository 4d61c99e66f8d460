package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a server hands a starting resource adapter. */
public final class FakeBootstrapContext implements BootstrapContext {

    private final WorkManager workManager;
    private final TransactionSynchronizationRegistry transactions;
    public final List<Timer> timers = new CopyOnWriteArrayList<>();

    public FakeBootstrapContext(WorkManager workManager, TransactionSynchronizationRegistry transactions) {
        this.workManager = workManager;
        this.transactions = transactions;
    }

    @Override
    public WorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        Timer timer = new Timer("fake-ra-timer", true);
        timers.add(timer);
        return timer;
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return transactions;
    }
}
