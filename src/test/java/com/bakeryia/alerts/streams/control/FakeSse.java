package com.bakeryia.alerts.streams.control;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import java.lang.reflect.Type;

/** Just enough of {@link Sse} to build events in unit tests (no JAX-RS runtime needed). */
final class FakeSse implements Sse {

    record Event(String name, String id, Object data, long reconnectDelay) implements OutboundSseEvent {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public Type getGenericType() {
            return String.class;
        }

        @Override
        public MediaType getMediaType() {
            return MediaType.TEXT_PLAIN_TYPE;
        }

        @Override
        public String getComment() {
            return null;
        }

        @Override
        public Object getData() {
            return data;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getReconnectDelay() {
            return reconnectDelay;
        }

        @Override
        public boolean isReconnectDelaySet() {
            return reconnectDelay >= 0;
        }
    }

    @Override
    public OutboundSseEvent.Builder newEventBuilder() {
        return new OutboundSseEvent.Builder() {
            String name;
            String id;
            Object data;
            long delay = -1;

            @Override
            public OutboundSseEvent.Builder id(String id) {
                this.id = id;
                return this;
            }

            @Override
            public OutboundSseEvent.Builder name(String name) {
                this.name = name;
                return this;
            }

            @Override
            public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
                this.delay = milliseconds;
                return this;
            }

            @Override
            public OutboundSseEvent.Builder mediaType(MediaType mediaType) {
                return this;
            }

            @Override
            public OutboundSseEvent.Builder comment(String comment) {
                return this;
            }

            @Override
            public OutboundSseEvent.Builder data(Class type, Object data) {
                this.data = data;
                return this;
            }

            @Override
            public OutboundSseEvent.Builder data(GenericType type, Object data) {
                this.data = data;
                return this;
            }

            @Override
            public OutboundSseEvent.Builder data(Object data) {
                this.data = data;
                return this;
            }

            @Override
            public OutboundSseEvent build() {
                return new Event(name, id, data, delay);
            }
        };
    }

    @Override
    public SseBroadcaster newBroadcaster() {
        throw new UnsupportedOperationException();
    }
}
