package com.bakeryia.alerts.rabbitmq.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and how one message-driven bean consumes: a JavaBean the server fills from its
 * configuration (in Liberty, {@code <jmsActivationSpec><properties.rabbitRA .../>}). Credentials
 * should come from {@code authDataRef}, which sets {@link #setUserName} and {@link #setPassword};
 * the password is never logged nor shown by {@link #toString()}.
 *
 * <p>The adapter only consumes: {@code queueName} must name a queue that already exists (the
 * application or the operator declares the topology, dead-lettering and delivery limit included);
 * the adapter declares and binds nothing.
 *
 * <p>Properties are boxed so that an unset property is told apart from a zero and reported by
 * {@link #validate()}, and because the Connectors specification allows only boxed types.
 */
public class RabbitActivationSpec implements ActivationSpec {

    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 5672;
    static final String DEFAULT_VIRTUAL_HOST = "/";
    static final int DEFAULT_PREFETCH = 1;
    static final int DEFAULT_CONCURRENCY = 1;
    static final long DEFAULT_RECONNECT_INITIAL_BACKOFF_MILLIS = 1_000;
    static final long DEFAULT_RECONNECT_MAX_BACKOFF_MILLIS = 60_000;
    static final int DEFAULT_DELIVERY_TIMEOUT_MILLIS = 300_000;
    static final long DEFAULT_CONSUMER_CHECK_INTERVAL_MILLIS = 30_000;

    /** More consumers than this is a configuration slip, not a scaling plan: scale with servers. */
    static final int MAX_CONCURRENCY = 100;
    /** AMQP short strings, queue names included, hold at most 255 bytes. */
    static final int MAX_QUEUE_NAME_BYTES = 255;
    /** basic.qos carries prefetch-count as an unsigned short; 0 would mean "unlimited". */
    static final int MAX_PREFETCH = 65_535;
    /** More often than this would be load on the broker, not safety. */
    static final long MIN_CONSUMER_CHECK_INTERVAL_MILLIS = 100;
    /** Shorter than a second would abandon ordinary transactions. */
    static final int MIN_DELIVERY_TIMEOUT_MILLIS = 1_000;

    private ResourceAdapter resourceAdapter;

    private String host = DEFAULT_HOST;
    private Integer port = DEFAULT_PORT;
    private String virtualHost = DEFAULT_VIRTUAL_HOST;
    private String userName;
    private String password;
    private String queueName;
    private Integer prefetch = DEFAULT_PREFETCH;
    private Integer concurrency = DEFAULT_CONCURRENCY;
    private Long reconnectInitialBackoffMillis = DEFAULT_RECONNECT_INITIAL_BACKOFF_MILLIS;
    private Long reconnectMaxBackoffMillis = DEFAULT_RECONNECT_MAX_BACKOFF_MILLIS;
    private Integer deliveryTimeoutMillis = DEFAULT_DELIVERY_TIMEOUT_MILLIS;
    private Long consumerCheckIntervalMillis = DEFAULT_CONSUMER_CHECK_INTERVAL_MILLIS;

    /**
     * Checks every property and reports all problems at once, each naming the property and what
     * it should be, so one restart fixes the configuration.
     */
    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidPropertyException(
                    "Invalid RabbitMQ activation spec (" + this + "): " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (isBlank(queueName)) {
            problems.add("queueName is required: the name of the existing queue to consume");
        } else if (queueName.getBytes(StandardCharsets.UTF_8).length > MAX_QUEUE_NAME_BYTES) {
            problems.add("queueName must be at most " + MAX_QUEUE_NAME_BYTES + " bytes");
        }
        if (isBlank(host)) {
            problems.add("host is required");
        }
        if (port == null || port < 1 || port > 65_535) {
            problems.add("port must be between 1 and 65535, was " + port);
        }
        if (virtualHost == null || virtualHost.isEmpty()) {
            problems.add("virtualHost is required (\"/\" is the default virtual host)");
        }
        if ((userName == null) != (password == null)) {
            problems.add(
                    userName == null
                            ? "a password is set but no userName: set both, through authDataRef"
                            : "userName is set but no password: set both, through authDataRef");
        }
        if (prefetch == null || prefetch < 1 || prefetch > MAX_PREFETCH) {
            problems.add("prefetch must be between 1 and " + MAX_PREFETCH + ", was " + prefetch);
        }
        if (concurrency == null || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            problems.add("concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
        }
        if (reconnectInitialBackoffMillis == null || reconnectInitialBackoffMillis < 1) {
            problems.add("reconnectInitialBackoffMillis must be at least 1, was " + reconnectInitialBackoffMillis);
        }
        if (reconnectMaxBackoffMillis == null
                || (reconnectInitialBackoffMillis != null
                        && reconnectMaxBackoffMillis < reconnectInitialBackoffMillis)) {
            problems.add("reconnectMaxBackoffMillis must be at least reconnectInitialBackoffMillis ("
                    + reconnectInitialBackoffMillis + "), was " + reconnectMaxBackoffMillis);
        }
        if (deliveryTimeoutMillis == null || deliveryTimeoutMillis < MIN_DELIVERY_TIMEOUT_MILLIS) {
            problems.add("deliveryTimeoutMillis must be at least " + MIN_DELIVERY_TIMEOUT_MILLIS + ", was "
                    + deliveryTimeoutMillis);
        }
        if (consumerCheckIntervalMillis == null
                || consumerCheckIntervalMillis < 0
                || (consumerCheckIntervalMillis > 0
                        && consumerCheckIntervalMillis < MIN_CONSUMER_CHECK_INTERVAL_MILLIS)) {
            problems.add("consumerCheckIntervalMillis must be 0 (no checks) or at least "
                    + MIN_CONSUMER_CHECK_INTERVAL_MILLIS + ", was " + consumerCheckIntervalMillis);
        }
        return problems;
    }

    /** A snapshot taken at activation: later changes to this bean do not reach running consumers. */
    ConsumerSettings settings() throws InvalidPropertyException {
        validate();
        return new ConsumerSettings(
                host.trim(),
                port,
                virtualHost,
                userName,
                password,
                queueName,
                prefetch,
                concurrency,
                new Backoff(reconnectInitialBackoffMillis, reconnectMaxBackoffMillis),
                deliveryTimeoutMillis,
                consumerCheckIntervalMillis);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getVirtualHost() {
        return virtualHost;
    }

    public void setVirtualHost(String virtualHost) {
        this.virtualHost = virtualHost;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    /**
     * Unacknowledged messages the broker sends each consumer ahead (channel QoS). Keep 1: the
     * consumer acknowledges or recovers each message before the next arrives. With more,
     * recovering a failed message also hands back the ones prefetched behind it, which the client
     * delivers anyway: they would be processed twice. Scale with {@link #setConcurrency
     * concurrency} instead.
     */
    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    /** Consumers, each with its own connection and session: at most this many deliveries at once. */
    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public Long getReconnectInitialBackoffMillis() {
        return reconnectInitialBackoffMillis;
    }

    /** Wait before the first reconnection attempt; it doubles after each failed attempt. */
    public void setReconnectInitialBackoffMillis(Long reconnectInitialBackoffMillis) {
        this.reconnectInitialBackoffMillis = reconnectInitialBackoffMillis;
    }

    public Long getReconnectMaxBackoffMillis() {
        return reconnectMaxBackoffMillis;
    }

    /** The doubling stops here: while the broker stays away, attempts come this often. */
    public void setReconnectMaxBackoffMillis(Long reconnectMaxBackoffMillis) {
        this.reconnectMaxBackoffMillis = reconnectMaxBackoffMillis;
    }

    public Integer getDeliveryTimeoutMillis() {
        return deliveryTimeoutMillis;
    }

    /**
     * How long one delivery (the bean's transaction) may take. The JMS client runs each
     * listener call under this limit; past it, it interrupts the call and closes the channel, the
     * adapter reconnects and the broker redelivers the message, even if the abandoned transaction
     * commits later (the bean must be idempotent). Keep it above the server's transaction
     * timeout, so that a transaction ends before its delivery is abandoned.
     */
    public void setDeliveryTimeoutMillis(Integer deliveryTimeoutMillis) {
        this.deliveryTimeoutMillis = deliveryTimeoutMillis;
    }

    public Long getConsumerCheckIntervalMillis() {
        return consumerCheckIntervalMillis;
    }

    /**
     * How often each consumer asks the broker about its queue (one passive declaration on a
     * short-lived channel); 0 turns the checks off. They catch what no event reports: the queue
     * is gone or has no consumer at all, or messages wait while this consumer, idle, has received
     * none since the previous check. RabbitMQ 3.10 leaves consumers in that last state, neither
     * cancelled nor delivered to, when a quorum queue is deleted and at once declared again. The
     * consumer then reconnects; closing its old channel hands back what the broker held for it.
     * The checks assume every consumer of the queue is served in turn (no single active consumer,
     * no consumer priorities).
     */
    public void setConsumerCheckIntervalMillis(Long consumerCheckIntervalMillis) {
        this.consumerCheckIntervalMillis = consumerCheckIntervalMillis;
    }

    /** Every property but the password, whose presence only is shown. */
    @Override
    public String toString() {
        return "RabbitActivationSpec{queueName=" + queueName + ", host=" + host + ", port=" + port
                + ", virtualHost=" + virtualHost + ", userName=" + userName
                + ", password=" + (password == null ? "<not set>" : "<set>")
                + ", prefetch=" + prefetch + ", concurrency=" + concurrency
                + ", reconnectBackoffMillis=" + reconnectInitialBackoffMillis + ".." + reconnectMaxBackoffMillis
                + ", deliveryTimeoutMillis=" + deliveryTimeoutMillis
                + ", consumerCheckIntervalMillis=" + consumerCheckIntervalMillis + "}";
    }
}
