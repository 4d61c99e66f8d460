package com.bakeryia.alerts.rabbitmq.adapter;

import com.rabbitmq.client.ShutdownSignalException;
import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One consumer of the queue: its own JMS connection, one CLIENT_ACKNOWLEDGE session and one
 * consumer with a message listener, kept alive for as long as the endpoint is active.
 *
 * <p>Connecting runs as a Work on the server's WorkManager, never on the caller's thread nor on
 * the client's. When the connection is lost (the JMS {@code ExceptionListener}), its channel shuts
 * down or the broker cancels its consumer ({@link BrokerWatch}), or acknowledging fails, the slot
 * drops the whole connection and connects anew after a {@link Backoff} delay; each failed attempt
 * doubles the delay up to the maximum, and a success resets it. Waits are {@link Timer} tasks, so
 * {@link #stop()} cancels a pending attempt at once, and an attempt in flight sees the stop and
 * closes what it opened.
 *
 * <p>A connection that was lost is closed when the next attempt starts, not on the client thread
 * that reported the loss (amqp-client must not be closed from its own threads).
 *
 * <p>Every {@code consumerCheckIntervalMillis} a {@link QueueCheck} asks the broker about the
 * queue, for the failures no event reports: the queue is gone or has no consumer, or messages
 * wait in it while this consumer, idle, has received nothing since the previous check (its
 * subscription is dead; RabbitMQ 3.10 leaves consumers so when a quorum queue is deleted and at
 * once declared again). This assumes every consumer of the queue gets messages in turn, as
 * without single-active-consumer or consumer priorities.
 */
final class ConsumerSlot {

    private static final Logger LOG = Logger.getLogger(ConsumerSlot.class.getName());

    private final String label;
    private final String connectionName;
    private final ConsumerSettings settings;
    private final Endpoint endpoint;
    private final Broker broker;
    private final WorkManager workManager;
    private final Timer timer;
    private final AtomicBoolean checking = new AtomicBoolean();

    // Guarded by this.
    private boolean stopped;
    private Link current;
    private Link lost;
    private TimerTask pendingAttempt;
    private TimerTask consumerChecks;
    /** Consecutive failures, a lost connection included: they set the backoff. */
    private int failures;
    /** Consecutive connection attempts that failed: for log lines. */
    private int failedAttempts;

    private int generation;
    private boolean everConnected;

    /**
     * @param number this slot's number, from 1 to {@code settings.concurrency()}
     */
    ConsumerSlot(
            int number,
            ConsumerSettings settings,
            Endpoint endpoint,
            Broker broker,
            WorkManager workManager,
            Timer timer) {
        this.label =
                "RabbitMQ consumer " + number + "/" + settings.concurrency() + " of queue " + settings.queueLocation();
        this.connectionName = "rabbitmq-ra " + settings.queueName() + " #" + number;
        this.settings = settings;
        this.endpoint = endpoint;
        this.broker = broker;
        this.workManager = workManager;
        this.timer = timer;
    }

    /** Starts connecting, at once, on a WorkManager thread. */
    synchronized void start() {
        scheduleAttempt(0);
        long interval = settings.consumerCheckIntervalMillis();
        if (interval > 0) {
            consumerChecks = new TimerTask() {
                @Override
                public void run() {
                    submitConsumerCheck();
                }
            };
            try {
                timer.schedule(consumerChecks, interval, interval);
            } catch (IllegalStateException e) {
                LOG.fine(() -> label + ": no consumer checks, the resource adapter is stopping");
            }
        }
    }

    /**
     * Stops for good: cancels a pending attempt, and closes the connection. Closing waits for a
     * delivery in progress on it to finish (the JMS client waits up to deliveryTimeoutMillis);
     * messages not yet delivered go back to the queue. Messages that arrive meanwhile are not
     * delivered.
     */
    void stop() {
        Link live;
        Link retired;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (pendingAttempt != null) {
                pendingAttempt.cancel();
                pendingAttempt = null;
            }
            if (consumerChecks != null) {
                consumerChecks.cancel();
                consumerChecks = null;
            }
            live = current;
            retired = lost;
            current = null;
            lost = null;
        }
        if (live != null) {
            live.close();
        }
        if (retired != null) {
            retired.close();
        }
        LOG.info(() -> label + ": stopped");
    }

    /** Whether this slot is consuming now: for tests and diagnostics. */
    synchronized boolean isConsuming() {
        return current != null && current.running;
    }

    private synchronized void scheduleAttempt(long delayMillis) {
        if (stopped) {
            return;
        }
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                submitAttempt(this);
            }
        };
        pendingAttempt = task;
        try {
            timer.schedule(task, delayMillis);
        } catch (IllegalStateException e) {
            // The timer was cancelled: the resource adapter is stopping.
            LOG.fine(() -> label + ": not reconnecting, the resource adapter is stopping");
        }
    }

    private void submitAttempt(TimerTask task) {
        synchronized (this) {
            if (stopped || pendingAttempt != task) {
                return;
            }
            pendingAttempt = null;
        }
        try {
            workManager.scheduleWork(new AttemptWork());
        } catch (WorkException | RuntimeException e) {
            long delay;
            synchronized (this) {
                failures++;
                delay = settings.backoff().delayAfter(failures);
            }
            LOG.warning(() -> label + ": the server's WorkManager refused to run a connection attempt ("
                    + Failures.describe(e) + "); trying again in " + delay + " ms");
            scheduleAttempt(delay);
        }
    }

    /** Connects, or schedules the next attempt. */
    void attempt() {
        Link link;
        Link retired;
        synchronized (this) {
            if (stopped) {
                return;
            }
            link = new Link(++generation);
            current = link;
            retired = lost;
            lost = null;
        }
        if (retired != null) {
            retired.close();
        }
        String error = null;
        try {
            link.open();
        } catch (JMSException | RuntimeException e) {
            error = Failures.describe(e);
        }
        boolean close = false;
        long delay = -1;
        int attempts = 0;
        boolean reconnected = false;
        String failure = link.failure != null ? link.failure : error;
        synchronized (this) {
            if (stopped || current != link) {
                close = true;
            } else if (failure != null) {
                current = null;
                close = true;
                failures++;
                failedAttempts++;
                attempts = failedAttempts;
                delay = settings.backoff().delayAfter(failures);
            } else {
                link.running = true;
                attempts = failedAttempts;
                reconnected = everConnected;
                everConnected = true;
                failures = 0;
                failedAttempts = 0;
            }
        }
        if (close) {
            link.close();
        }
        if (delay >= 0) {
            long wait = delay;
            int failed = attempts;
            LOG.warning(() -> label + ": cannot consume (" + failure + "); "
                    + (failed == 1 ? "1 attempt" : failed + " attempts in a row") + " failed, trying again in "
                    + wait + " ms");
            scheduleAttempt(delay);
        } else if (!close) {
            String how = reconnected ? "consuming again" : "consuming";
            int failed = attempts;
            LOG.info(() -> label + ": " + how + " (connection '" + connectionName + "', prefetch " + settings.prefetch()
                    + (failed > 0 ? ", after " + failed + " failed attempt(s)" : "") + ")");
        }
    }

    /** A link reports that it can no longer deliver: replace it, unless it is already being replaced. */
    void linkFailed(Link link, String reason) {
        long delay;
        synchronized (this) {
            if (stopped || link != current || !link.running) {
                return;
            }
            link.running = false;
            current = null;
            lost = link;
            failures = 1;
            delay = settings.backoff().delayAfter(failures);
        }
        LOG.warning(() -> label + ": stopped consuming (" + reason + "); reconnecting in " + delay + " ms");
        scheduleAttempt(delay);
    }

    /** Runs a {@link QueueCheck} of the live connection, unless one is still running. */
    private void submitConsumerCheck() {
        Link link;
        synchronized (this) {
            link = current;
            if (stopped || link == null || !link.running || link.amqp == null) {
                return;
            }
        }
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        Work check = new Work() {
            @Override
            public void run() {
                try {
                    String problem = link.check();
                    if (problem != null) {
                        link.fail(problem);
                    }
                } finally {
                    checking.set(false);
                }
            }

            @Override
            public void release() {}

            @Override
            public String toString() {
                return "consumer check of " + label;
            }
        };
        try {
            workManager.scheduleWork(check);
        } catch (WorkException | RuntimeException e) {
            checking.set(false);
            LOG.fine(() -> label + ": consumer check not run (" + Failures.describe(e) + ")");
        }
    }

    private synchronized boolean accepting(Link link) {
        return !stopped && link == current && link.failure == null;
    }

    /** The WorkManager's unit for a connection attempt. */
    private final class AttemptWork implements Work {

        @Override
        public void run() {
            try {
                attempt();
            } catch (RuntimeException | Error e) {
                // attempt() handles the client's failures; this is a bug, and must not end retrying.
                LOG.log(Level.SEVERE, label + ": connection attempt failed unexpectedly", e);
                long delay;
                synchronized (ConsumerSlot.this) {
                    failures++;
                    delay = settings.backoff().delayAfter(failures);
                }
                scheduleAttempt(delay);
                throw e;
            }
        }

        /** An attempt cannot be interrupted; it ends within the connection timeout. */
        @Override
        public void release() {}

        @Override
        public String toString() {
            return "connection attempt of " + label;
        }
    }

    /**
     * One connection, session and consumer, from opening to closing; a slot opens a new one
     * after each failure. Also the listener of its connection and channels, so that a late event
     * from an old connection is recognised as old and ignored.
     */
    final class Link implements ExceptionListener, BrokerWatch.Listener {

        private final int generation;
        /** The first failure reported; set once. */
        volatile String failure;
        /** Guarded by the slot: consuming, and its failures are to be acted upon. */
        boolean running;
        /** The client's own connection, for {@link QueueCheck}; null with a fake broker. */
        volatile com.rabbitmq.client.Connection amqp;

        final Activity activity = new Activity();
        // Confined to the check Work, one at a time.
        private boolean readyAtLastCheck;
        private long receivedAtLastCheck = -1;
        // Guarded by this.
        private Connection connection;
        private boolean closed;

        Link(int generation) {
            this.generation = generation;
        }

        void open() throws JMSException {
            Connection opened = broker.connect(connectionName, this);
            synchronized (this) {
                if (closed) {
                    closeQuietly(opened);
                    throw new JMSException("The consumer stopped while connecting");
                }
                connection = opened;
            }
            opened.setExceptionListener(this);
            Session session = opened.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(broker.queue());
            // Started before the listener is set, so that setting it subscribes (basic.consume)
            // here and now, and a missing queue fails this attempt instead of going unnoticed.
            opened.start();
            consumer.setMessageListener(new SessionDispatcher(
                    label, session, workManager, endpoint, () -> accepting(this), reason -> fail(reason), activity));
        }

        /** Asks the broker; returns why this link cannot be consuming, or null. */
        String check() {
            com.rabbitmq.client.Connection connection = amqp;
            if (connection == null) {
                return null;
            }
            QueueCheck.Result result = QueueCheck.check(connection, settings.queueName());
            if (result == null) {
                return null;
            }
            if (result.problem() != null) {
                return result.problem();
            }
            long received = activity.received();
            boolean idle = !activity.busy();
            boolean stuck = idle && result.ready() > 0 && readyAtLastCheck && received == receivedAtLastCheck;
            readyAtLastCheck = idle && result.ready() > 0;
            receivedAtLastCheck = received;
            if (stuck) {
                return "queue '" + settings.queueName() + "' has " + result.ready() + " message(s) waiting, but this"
                        + " idle consumer has received none since the previous check: its subscription is lost";
            }
            return null;
        }

        void close() {
            Connection toClose;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                toClose = connection;
            }
            if (toClose != null) {
                closeQuietly(toClose);
            }
        }

        private void closeQuietly(Connection toClose) {
            try {
                toClose.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.FINE, label + ": closing connection " + generation + " failed", e);
            }
        }

        void fail(String reason) {
            if (failure == null) {
                failure = reason;
            }
            linkFailed(this, reason);
        }

        @Override
        public void connected(com.rabbitmq.client.Connection connection) {
            amqp = connection;
        }

        @Override
        public void onException(JMSException exception) {
            fail("connection lost: " + Failures.describe(exception));
        }

        @Override
        public void channelShutdown(ShutdownSignalException cause) {
            if (cause.isHardError()) {
                fail("connection lost: " + cause.getMessage());
            } else {
                fail("channel closed: " + cause.getMessage());
            }
        }

        @Override
        public void consumerCancelled(String consumerTag) {
            fail("the broker cancelled consumer " + consumerTag
                    + " (the queue was deleted, or its node is unavailable)");
        }

        @Override
        public String toString() {
            return label + " connection " + generation;
        }
    }
}
