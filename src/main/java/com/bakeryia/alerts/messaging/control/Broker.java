package com.bakeryia.alerts.messaging.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names the broker an adapter talks to ({@link Brokers#EMBEDDED} or {@link Brokers#RABBITMQ}):
 * adding a broker means adding its adapters with this qualifier, nothing else.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, PARAMETER})
public @interface Broker {

    String value();

    /** The qualifier as a value, to select the adapters of the configured broker. */
    final class Literal extends AnnotationLiteral<Broker> implements Broker {

        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
