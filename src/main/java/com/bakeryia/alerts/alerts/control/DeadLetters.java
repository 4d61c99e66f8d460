package com.bakeryia.alerts.alerts.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;

/**
 * Puts a message that can never succeed on the dead-letter queue at once, with its reason, inside
 * the listener's transaction: it leaves the alerts queue and arrives here together, or not at all.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_CODE = "x_reason_code";
    public static final String REASON = "x_reason";

    @Resource(lookup = "jms/alertsConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/alertsDeadLetterQueue")
    Queue deadLetterQueue;

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
