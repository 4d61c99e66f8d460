package com.bakeryia.alerts.streams.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open event stream, with its own bounded send queue. It is an {@link SseEventSink} so that
 * its {@link Audiences}' broadcasters hold it like any sink, but {@link #send} only queues: a
 * broadcast never waits for a client (RESTEasy's broadcaster chains its sinks' sends one after
 * another, so one slow client would otherwise hold up every other). One writer at a time drains the
 * queue on the {@link StreamWriters}' threads; a write the network has not taken yet parks the
 * writer without a thread.
 *
 * <p>A client that lets more than {@code streams.send.queue.max} events pile up gets a
 * {@code slow_consumer} event (if anything can still be written) and is disconnected; a write that
 * hangs longer than {@code streams.write.timeout.seconds} disconnects it too.
 *
 * <p>Resuming ({@code Last-Event-ID}): the writer writes the greeting, then what its
 * {@link StreamResume} replays from the database, then the queued live alerts the replay did not
 * cover. A live alert that overflows the queue while the replay runs goes to the replay, not to the
 * slow-consumer cut.
 */
final class StreamConnection implements SseEventSink {

    private static final Logger LOG = Logger.getLogger(StreamConnection.class.getName());
    private static final CompletionStage<Void> QUEUED = CompletableFuture.completedFuture(null);

    /** What a stream needs from the server: event building, a writer thread, the database. */
    record Wiring(
            StreamEvents events,
            Executor executor,
            StreamReplay replay,
            StreamSettings settings,
            Consumer<StreamConnection> onClosed,
            Runnable onCut) {}

    /** An event waiting to be written; alerts have their stream position, others 0. */
    private record Outgoing(OutboundSseEvent event, long position, boolean last) {}

    final String user;
    final Set<String> tenants;
    final Instant openedAt = Instant.now();
    private final SseEventSink client;
    private final Wiring wiring;
    private OutboundSseEvent greeting; // dropped once written
    private final StreamResume resume;
    private final int queueMax;
    private final long writeTimeoutNanos;

    private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A last event is queued: nothing more is accepted. */
    private volatile boolean ending;
    /** System.nanoTime() when the write under way began; 0 when none is. */
    private volatile long writeStartedAt;
    /** Touched by the writer only (one at a time). */
    private boolean greeted;

    private volatile Future<?> expiry;

    StreamConnection(
            SseEventSink client,
            Wiring wiring,
            String user,
            Set<String> tenants,
            StreamFilter filter,
            OutboundSseEvent greeting,
            String cursor) {
        this.client = client;
        this.wiring = wiring;
        this.user = user;
        this.tenants = tenants;
        this.greeting = greeting;
        this.queueMax = wiring.settings().sendQueueMax();
        this.writeTimeoutNanos = wiring.settings().writeTimeout().toNanos();
        this.resume = new StreamResume(
                cursor,
                tenants,
                filter,
                wiring.replay(),
                wiring.events(),
                wiring.settings().resumeWindow(),
                () -> ending);
    }

    /** Writes the greeting, then the replay if the client resumes, then whatever was queued. */
    void start() {
        scheduleDrain();
    }

    void expireAt(Future<?> expiry) {
        this.expiry = expiry;
        if (closed.get()) {
            expiry.cancel(false);
        }
    }

    /** Called by a broadcaster for every alert of this stream's audience: queues it, never blocks. */
    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        if (closed.get()) {
            // Tells the broadcaster to forget this sink.
            return CompletableFuture.failedFuture(new IllegalStateException("stream closed"));
        }
        offer(new Outgoing(event, Long.parseLong(event.getId()), false), true);
        return QUEUED;
    }

    /** Queues a heartbeat unless the stream has something to write anyway. */
    void heartbeat(OutboundSseEvent beat) {
        if (queued.get() == 0) {
            offer(new Outgoing(beat, 0, false), false);
        }
    }

    /**
     * Queues a last event ({@code token_expired}, {@code tenants_changed}, {@code slow_consumer})
     * that tells the client why; the stream closes once it is written.
     */
    synchronized void end(OutboundSseEvent last) {
        if (ending || closed.get()) {
            return;
        }
        ending = true; // the writer skips everything queued before but this
        enqueue(new Outgoing(last, 0, true));
    }

    private void offer(Outgoing outgoing, boolean bounded) {
        if (ending || closed.get()) {
            return;
        }
        if (bounded && queued.get() >= queueMax) {
            if (resume.absorbOverflow()) {
                return; // the next replay pass reads it from the database
            }
            cutSlowConsumer();
            return;
        }
        enqueue(outgoing);
    }

    private void enqueue(Outgoing outgoing) {
        queue.add(outgoing);
        queued.incrementAndGet();
        scheduleDrain();
    }

    private void cutSlowConsumer() {
        LOG.fine(() -> "Stream of " + user + " is a slow consumer: " + queued.get() + " events waiting");
        wiring.onCut().run();
        if (writeStartedAt != 0) {
            close(); // the network takes nothing: a last event would not get through either
            return;
        }
        end(wiring.events().slowConsumer(queueMax));
    }

    /** Closes the stream if its current write has hung longer than the write timeout. */
    boolean closeIfStalled(long nowNanos) {
        long started = writeStartedAt;
        if (started != 0 && nowNanos - started > writeTimeoutNanos) {
            LOG.fine(() -> "Stream of " + user + " stalled in a write; closing it");
            wiring.onCut().run();
            close();
            return true;
        }
        return false;
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            resumeDrain();
        }
    }

    private void resumeDrain() {
        try {
            wiring.executor().execute(this::drain);
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    /**
     * Writes what is due, in order: the greeting, the replay (read from the database a page at a
     * time), then the live queue. Returns when nothing is due, or parks on a write the network has
     * not taken yet; its completion carries on from there.
     */
    private void drain() {
        try {
            Outgoing next;
            while (!closed.get() && (next = nextDue()) != null) {
                CompletableFuture<?> written = write(next.event());
                Outgoing sent = next;
                if (!written.isDone()) {
                    written.whenComplete((ok, failure) -> afterWrite(sent, failure));
                    return;
                }
                if (!afterWriteInline(sent, written)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Writing to the stream of " + user + " failed", e);
            close();
            return;
        }
        draining.set(false);
        if (!queue.isEmpty() && !closed.get()) {
            scheduleDrain();
        }
    }

    private Outgoing nextDue() {
        if (!greeted) {
            greeted = true;
            OutboundSseEvent hello = greeting;
            greeting = null;
            return new Outgoing(hello, 0, false);
        }
        // Once a last event is queued (token expired, tenants changed, cut) the replay stops too:
        // it may be of tenants the stream has just lost.
        OutboundSseEvent fromReplay = resume.next();
        if (fromReplay != null) {
            return new Outgoing(fromReplay, 0, false);
        }
        Outgoing next;
        while ((next = queue.poll()) != null) {
            queued.decrementAndGet();
            if ((ending && !next.last()) || resume.covers(next.position())) {
                continue; // superseded by a last event, or replayed already
            }
            return next;
        }
        return null;
    }

    private boolean afterWriteInline(Outgoing sent, CompletableFuture<?> written) {
        writeStartedAt = 0;
        if (written.isCompletedExceptionally() || sent.last()) {
            close();
            return false;
        }
        return true;
    }

    private void afterWrite(Outgoing sent, Throwable failure) {
        writeStartedAt = 0;
        if (failure != null || sent.last()) {
            close();
        } else {
            resumeDrain();
        }
    }

    private CompletableFuture<?> write(OutboundSseEvent event) {
        writeStartedAt = System.nanoTime();
        CompletableFuture<?> written = client.send(event).toCompletableFuture();
        if (written.isDone()) {
            writeStartedAt = 0;
        }
        return written;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ending = true;
        queue.clear();
        Future<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
        wiring.onClosed().accept(this);
        // Closing the response flushes it: on a client that reads nothing that waits for the
        // network (up to the HTTP write timeout), so it never happens on the caller's thread,
        // which may be the one delivering to everybody else.
        try {
            wiring.executor().execute(this::closeClient);
        } catch (RejectedExecutionException e) {
            closeClient();
        }
    }

    private void closeClient() {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINEST, "Closing a broken stream failed", e);
        }
    }
}
