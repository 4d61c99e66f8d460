package it.com.bakeryia.alerts.realservices;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real-services test servers as processes: killed without warning ({@code kill -9}, as a crashed
 * pod), and started again with Liberty's own script and the same configuration (server.env,
 * jvm.options and bootstrap.properties stay in the server's directory).
 */
final class LibertyServers {

    static final Path WLP = Path.of(System.getProperty("it.wlp.home", "target/liberty/wlp"));
    static final String A = System.getProperty("it.server.name", "bakery-alerts-rs-a");
    static final String B = "bakery-alerts-rs-b";

    private LibertyServers() {}

    static long pid(String server) throws IOException {
        return Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + server + ".pid"))
                .strip());
    }

    /** SIGKILL: no shutdown hook, no pre-destroy, nothing flushed. */
    static void kill(String server) throws IOException {
        long pid = pid(server);
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(server + " (pid " + pid + ") is not running"));
        run("kill", "-9", String.valueOf(pid));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !handle.isAlive());
    }

    static void start(String server, URI base) {
        run(WLP.resolve("bin/server").toString(), "start", server);
        Awaitility.await()
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> RealServices.ready(base));
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
