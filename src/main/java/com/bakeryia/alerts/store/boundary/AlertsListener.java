package com.bakeryia.alerts.store.boundary;

import com.bakeryia.alerts.store.control.AlertProcessor;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/**
 * The alerts queue's consumer. Which queue, and on which broker, is configuration: the binding
 * file names the activation spec, and server.xml defines it for the embedded engine or RabbitMQ.
 * The container's transaction covers storing; the message is acknowledged only if it commits.
 */
@MessageDriven(name = "AlertsListener")
public class AlertsListener implements MessageListener {

    @Inject
    AlertProcessor processor;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof BytesMessage bytes) {
                processor.process(bytes.getBody(byte[].class));
            } else if (message instanceof TextMessage text) {
                processor.process(text.getText().getBytes(StandardCharsets.UTF_8));
            } else {
                processor.reject(
                        new byte[0],
                        "unsupported_message",
                        "Only bytes or text messages carry alerts; got "
                                + message.getClass().getSimpleName());
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not read message body", e.getErrorCode(), e);
        }
    }
}
