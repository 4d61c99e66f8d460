package com.bakeryia.alerts.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RabbitMQ settings, from the environment through MicroProfile Config (RABBITMQ_HOST ...). The
 * resource adapter's activation spec reads the same variables in messaging-rabbitmq.xml.
 */
@ApplicationScoped
public class RabbitSettings {

    @Inject
    @ConfigProperty(name = "rabbitmq.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "rabbitmq.port", defaultValue = "5672")
    int port;

    @Inject
    @ConfigProperty(name = "rabbitmq.vhost", defaultValue = "/")
    String virtualHost;

    @Inject
    @ConfigProperty(name = "rabbitmq.user", defaultValue = "guest")
    String user;

    @Inject
    @ConfigProperty(name = "rabbitmq.password", defaultValue = "guest")
    String password;

    @Inject
    @ConfigProperty(name = "rabbitmq.exchange", defaultValue = "alerts.exchange")
    String exchange;

    @Inject
    @ConfigProperty(name = "rabbitmq.queue", defaultValue = "alerts")
    String queue;

    @Inject
    @ConfigProperty(name = "rabbitmq.delivery.limit", defaultValue = "5")
    int deliveryLimit;

    @Inject
    @ConfigProperty(name = "rabbitmq.dead.letter.exchange", defaultValue = "alerts.dlx")
    String deadLetterExchange;

    @Inject
    @ConfigProperty(name = "rabbitmq.dead.letter.queue", defaultValue = "alerts.dead")
    String deadLetterQueue;

    @Inject
    @ConfigProperty(name = "rabbitmq.publish.timeout.millis", defaultValue = "5000")
    long publishTimeoutMillis;

    @Inject
    @ConfigProperty(name = "rabbitmq.publish.channels", defaultValue = "4")
    int publishChannels;

    /** Where messaging-rabbitmq.xml installs the resource adapter from (a server.xml variable). */
    @Inject
    @ConfigProperty(name = "rabbitmq.ra.location")
    Optional<String> adapterLocation;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String virtualHost() {
        return virtualHost;
    }

    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    public String exchange() {
        return exchange;
    }

    public String queue() {
        return queue;
    }

    public int deliveryLimit() {
        return deliveryLimit;
    }

    public String deadLetterExchange() {
        return deadLetterExchange;
    }

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    public long publishTimeoutMillis() {
        return publishTimeoutMillis;
    }

    public int publishChannels() {
        return publishChannels;
    }

    /**
     * The resource adapter's path when its file is not there. Liberty then only warns (J2CA7014W)
     * and the listener never consumes; {@code ./mvnw liberty:run} does not build the file, only the
     * {@code package} phase does.
     */
    public Optional<String> missingAdapter() {
        return adapterLocation
                .map(location -> Path.of(location).normalize())
                .filter(path -> !Files.isRegularFile(path))
                .map(Path::toString);
    }

    /** The one-line remedy for {@link #missingAdapter()}. */
    public static String missingAdapterMessage(String location) {
        return "MESSAGING=rabbitmq, but the RabbitMQ resource adapter is missing at " + location
                + ", so no alert is consumed: build and place it with `./mvnw package liberty:run`"
                + " (liberty:run alone does not build it).";
    }
}
