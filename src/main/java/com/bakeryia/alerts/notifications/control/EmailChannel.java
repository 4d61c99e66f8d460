package com.bakeryia.alerts.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The email sender at the end of the {@value #NAME} channel: sends on up to
 * {@code notifications.email.concurrency} (4) connections at once, acknowledges a message once the
 * SMTP server has taken it, refuses it with the reason otherwise.
 */
@ApplicationScoped
public class EmailChannel {

    public static final String NAME = "email-deliveries";

    @Inject
    Transports transports;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "notifications.email.concurrency", defaultValue = "4")
    int concurrency;

    private Senders senders;

    private MailSender sender;

    @PostConstruct
    void create() {
        senders = new Senders("email", concurrency, threadFactory);
        sender = transports.mail().configured() ? new MailSender(transports.mail()) : null;
    }

    @Incoming(NAME)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> deliver(Message<DeliveryJob> message) {
        return senders.start(message, job -> {
            if (sender == null) {
                throw DeliveryFailure.deferred("Email is not configured on this server", Duration.ofMinutes(1));
            }
            sender.send(job);
        });
    }

    @PreDestroy
    void stop() {
        senders.close();
    }
}
