package com.bakeryia.alerts.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The email sender at the end of the {@value #NAME} channel: sends on a managed thread (SMTP
 * blocks), acknowledges the message once the SMTP server has taken it, refuses it with the reason
 * otherwise.
 */
@ApplicationScoped
public class EmailChannel {

    public static final String NAME = "email-deliveries";

    @Inject
    Transports transports;

    @Resource
    ManagedExecutorService executor;

    private MailSender sender;

    @PostConstruct
    void create() {
        sender = transports.mail().configured() ? new MailSender(transports.mail()) : null;
    }

    @Incoming(NAME)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> deliver(Message<DeliveryJob> message) {
        return Senders.run(executor, message, job -> {
            if (sender == null) {
                throw DeliveryFailure.permanent("Email is not configured on this server");
            }
            sender.send(job);
        });
    }
}
