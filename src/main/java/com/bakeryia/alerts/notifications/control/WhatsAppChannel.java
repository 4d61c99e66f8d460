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
 * The WhatsApp sender at the end of the {@value #NAME} channel: keeps each tenant within its rate
 * (a message over it waits, without counting as an attempt), sends through Twilio, up to
 * {@code notifications.whatsapp.concurrency} (4) requests at once, acknowledges once Twilio accepted the message.
 */
@ApplicationScoped
public class WhatsAppChannel {

    public static final String NAME = "whatsapp-deliveries";

    @Inject
    Transports transports;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "notifications.whatsapp.concurrency", defaultValue = "4")
    int concurrency;

    private Senders senders;

    private WhatsAppSender sender;
    private TenantRateLimits limits;

    @PostConstruct
    void create() {
        senders = new Senders("whatsapp", concurrency, threadFactory);
        if (transports.twilio().configured()) {
            sender = new WhatsAppSender(transports.twilio(), transports.mail().dashboardUrl());
            limits = new TenantRateLimits(transports.twilio().perTenantPerMinute(), System::nanoTime);
        }
    }

    @Incoming(NAME)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> deliver(Message<DeliveryJob> message) {
        return senders.start(message, job -> {
            if (sender == null) {
                throw DeliveryFailure.deferred("WhatsApp is not configured on this server", Duration.ofMinutes(1));
            }
            var wait = limits.acquire(job.tenantId());
            if (wait.isPresent()) {
                throw DeliveryFailure.deferred("tenant " + job.tenantId() + " is over its WhatsApp rate", wait.get());
            }
            sender.send(job);
        });
    }

    @PreDestroy
    void stop() {
        senders.close();
    }
}
