package com.bakeryia.alerts.notifications.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What every channel's sender does with a message: send on a worker thread, then ack or nack. */
final class Senders {

    @FunctionalInterface
    interface Send {
        void send(DeliveryJob job) throws DeliveryFailure;
    }

    private Senders() {}

    static CompletionStage<Void> run(Executor executor, Message<DeliveryJob> message, Send send) {
        CompletableFuture<Void> sending = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                send.send(message.getPayload());
                sending.complete(null);
            } catch (DeliveryFailure | RuntimeException e) {
                sending.completeExceptionally(e);
            }
        });
        return sending.handle((ok, error) -> error == null ? message.ack() : message.nack(error))
                .thenCompose(outcome -> outcome);
    }
}
