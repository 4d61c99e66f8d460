package com.bakeryia.alerts.alerts.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Hands an accepted alert to the alerts queue, the same way in as every other producer, so the
 * message-driven bean is the only place that stores. Returns once the broker has the message.
 */
@ApplicationScoped
public class AlertQueue {

    @Resource(lookup = "jms/alertsConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/alertsQueue")
    Queue queue;

    public void send(AlertSubmission alert, byte[] body) {
        try (JMSContext context = connectionFactory.createContext()) {
            BytesMessage message = context.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty("alert_id", alert.id());
            message.setStringProperty("tenant_id", alert.tenantId());
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("Could not queue alert " + alert.id(), null, e);
        }
    }
}
