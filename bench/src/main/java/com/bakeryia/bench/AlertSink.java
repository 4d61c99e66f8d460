package com.bakeryia.bench;

/** Where a publisher sends alerts: RabbitMQ (the application's way in) or Nchan's HTTP publisher. */
interface AlertSink extends AutoCloseable {

    /** Blocks until one more alert may be in flight (unconfirmed); false if none came in time. */
    boolean awaitCapacity(long timeoutMillis) throws InterruptedException;

    /** Hands one alert over (after {@link #awaitCapacity}). */
    void send(long k, String tenant, byte[] body) throws Exception;

    /** Waits until every alert sent is confirmed or failed, at most the given time. */
    void drain(long timeoutMillis) throws InterruptedException;

    long confirmed();

    long failed();

    @Override
    void close();
}
