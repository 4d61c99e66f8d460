package com.bakeryia.alerts.notifications.control;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What every channel's sender does with a message: sends it on one of the channel's own threads
 * (SMTP and HTTP block), then acknowledges it (the delivery is marked sent) or refuses it with the
 * reason. The method returns before the send ends, so one channel sends up to {@code threads}
 * messages at once instead of one after another (a Reactive Messaging method's returned stage
 * orders the stream); the dispatcher's in-flight limit bounds what waits here.
 */
final class Senders implements AutoCloseable {

    @FunctionalInterface
    interface Send {
        void send(DeliveryJob job) throws DeliveryFailure;
    }

    private final ExecutorService threads;

    Senders(String channel, int threads, ManagedThreadFactory factory) {
        this.threads = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = factory.newThread(runnable);
            thread.setName("notifications-" + channel + "-" + thread.getId());
            return thread;
        });
    }

    CompletionStage<Void> start(Message<DeliveryJob> message, Send send) {
        threads.execute(() -> {
            try {
                send.send(message.getPayload());
                message.ack();
            } catch (DeliveryFailure | RuntimeException e) {
                message.nack(e);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
