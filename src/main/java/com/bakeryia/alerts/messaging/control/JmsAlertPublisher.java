package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.AlertPublisher;
import com.bakeryia.alerts.store.control.AlertSubmission;
import com.bakeryia.alerts.store.control.QueueUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;

/** The embedded mode's publisher: a persistent JMS message on Liberty's messaging engine. */
@ApplicationScoped
@Broker(Brokers.EMBEDDED)
public class JmsAlertPublisher implements AlertPublisher {

    @Resource(lookup = "jms/alertsConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/alertsQueue")
    Queue queue;

    @Override
    public void publish(AlertSubmission alert, byte[] body) {
        try (JMSContext context = connectionFactory.createContext()) {
            BytesMessage message = context.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty("alert_id", alert.id());
            message.setStringProperty("tenant_id", alert.tenantId());
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        } catch (JMSException | JMSRuntimeException e) {
            throw new QueueUnavailable("Could not queue alert " + alert.id(), e);
        }
    }

    @Override
    public String unreachableBecause() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
            return null;
        } catch (JMSRuntimeException e) {
            return e.getMessage();
        }
    }
}
