package it.com.bakeryia.alerts.realservices;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import it.com.bakeryia.alerts.support.Server;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/**
 * This machine's PostgreSQL, RabbitMQ and Redis, as the integration tests reach them: a plain
 * AMQP producer, the database the servers write to, and the service commands the machine uses to
 * stop and start them.
 */
final class RealServices {

    static final URI SERVER_B = URI.create(System.getProperty("it.second.url", "http://localhost:19280") + "/");
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("it.db.name", "test");
    static final String EXCHANGE = "alerts.exchange";
    static final String DEAD_LETTER_QUEUE = "alerts.dead";

    private RealServices() {}

    static ConnectionFactory rabbit() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /** Publishes like any producer service: persistent, with publisher confirms. */
    static void publish(String routingKey, String body) {
        publishAll(routingKey, List.of(body));
    }

    static void publishAll(String routingKey, List<String> bodies) {
        publishBytes(
                routingKey,
                bodies.stream()
                        .map(body -> body.getBytes(StandardCharsets.UTF_8))
                        .toList());
    }

    /** Publishes bodies as they are, byte for byte (e.g. not UTF-8). */
    static void publishBytes(String routingKey, List<byte[]> bodies) {
        try (Connection connection = rabbit().newConnection("it-producer");
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .build();
            for (byte[] body : bodies) {
                channel.basicPublish(EXCHANGE, routingKey, properties, body);
            }
            channel.waitForConfirmsOrDie(30_000);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A dead letter whose body contains {@code marker}, taken off the dead-letter queue. */
    static DeadLetter awaitDeadLetter(String marker, Duration timeout) {
        List<DeadLetter> found = new ArrayList<>();
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (Connection connection = rabbit().newConnection("it-dlq-reader");
                    Channel channel = connection.createChannel()) {
                GetResponse response;
                while ((response = channel.basicGet(DEAD_LETTER_QUEUE, false)) != null) {
                    String body = new String(response.getBody(), StandardCharsets.UTF_8);
                    if (body.contains(marker)) {
                        channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                        Map<String, Object> headers = response.getProps().getHeaders();
                        found.add(new DeadLetter(body, headers == null ? Map.of() : headers));
                        return true;
                    }
                    // Someone else's dead letter: leave it where it was.
                    channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                    if (!found.isEmpty()) {
                        break;
                    }
                }
                return false;
            }
        });
        return found.get(0);
    }

    record DeadLetter(String body, Map<String, Object> headers) {
        String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    static long storedCount(String alertId) {
        try (var connection = DriverManager.getConnection(DB_URL, "postgres", "");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM alerts WHERE alert_id = ?")) {
            statement.setString(1, alertId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long storedCount(List<String> alertIds) {
        try (var connection = DriverManager.getConnection(DB_URL, "postgres", "");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM alerts WHERE alert_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", alertIds.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement against the servers' database: for states only time would produce. */
    static int execute(String sql, Object... parameters) {
        try (var connection = DriverManager.getConnection(DB_URL, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean ready(URI server) {
        return Server.send(java.net.http.HttpRequest.newBuilder(server.resolve("health/ready"))
                                .GET()
                                .build())
                        .statusCode()
                == 200;
    }

    // The machine's own commands (DEVELOPERS.md): the integration tests run as root, like CI.

    static void stopRedis() {
        run("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave");
    }

    static void startRedis() {
        run(
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                "/var/lib/redis",
                "--logfile",
                "/var/log/redis/ci.log");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> exitCode("redis-cli", "ping") == 0);
    }

    static boolean redisUp() {
        return exitCode("redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping") == 0;
    }

    static boolean rabbitUp() {
        return exitCode("rabbitmqctl", "await_startup", "--timeout", "5") == 0;
    }

    static void stopRabbit() {
        run("rabbitmqctl", "stop_app");
    }

    static void startRabbit() {
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    private static void run(String... command) {
        int exit = exitCode(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }

    private static int exitCode(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
