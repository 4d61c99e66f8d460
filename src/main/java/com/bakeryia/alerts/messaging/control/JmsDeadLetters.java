package com.bakeryia.alerts.messaging.control;

import com.bakeryia.alerts.store.control.DeadLetters;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;

/**
 * The embedded mode's dead letters, sent inside the listener's transaction: the message leaves the
 * alerts queue and arrives on {@code alerts.dead} together, or not at all.
 */
@ApplicationScoped
@Broker(Brokers.EMBEDDED)
public class JmsDeadLetters implements DeadLetters {

    @Resource(lookup = "jms/alertsConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/alertsDeadLetterQueue")
    Queue deadLetterQueue;

    @Override
    public void send(byte[] body, String code, String reason) {
        try (JMSContext context = connectionFactory.createContext()) {
            BytesMessage message = context.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(REASON_CODE, code);
            message.setStringProperty(REASON, reason);
            context.createProducer().send(deadLetterQueue, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not dead-letter a message: " + reason, null, e);
        }
    }
}
