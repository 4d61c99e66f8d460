package com.bakeryia.alerts.rabbitmq.adapter;

/**
 * The validated activation-spec properties, fixed when an endpoint is activated. Holds the
 * password, so {@link #toString()} leaves it out.
 */
record ConsumerSettings(
        String host,
        int port,
        String virtualHost,
        String userName,
        String password,
        String queueName,
        int prefetch,
        int concurrency,
        Backoff backoff,
        int deliveryTimeoutMillis,
        long consumerCheckIntervalMillis) {

    /** Where the queue is, for log lines: {@code 'alerts' on 127.0.0.1:5672 vhost /}. */
    String queueLocation() {
        return "'" + queueName + "' on " + host + ":" + port + " vhost " + virtualHost;
    }

    @Override
    public String toString() {
        return "ConsumerSettings{queue " + queueLocation() + ", userName=" + userName
                + ", prefetch=" + prefetch + ", concurrency=" + concurrency + ", backoff=" + backoff
                + ", deliveryTimeoutMillis=" + deliveryTimeoutMillis
                + ", consumerCheckIntervalMillis=" + consumerCheckIntervalMillis + "}";
    }
}
