package it.com.bakeryia.alerts.incontainer;

import com.bakeryia.alerts.store.control.AlertSubmission;
import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.json.JsonValue;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the in-container tests share. Their archive IS the application: the WAR the package phase
 * built (classes, libraries, persistence.xml, microprofile-config.properties, the Liquibase
 * changelog, the MDB binding) plus the test classes, so the tests run against the beans exactly as
 * deployed. Arquillian adds its servlet runner and JUnit 5 itself.
 */
final class InContainer {

    static final Duration WAIT = Duration.ofSeconds(30);

    private InContainer() {}

    /** Runs on the client (failsafe's JVM): the application WAR plus these test classes, the first one named. */
    static WebArchive application(Class<?>... tests) {
        File war = new File(System.getProperty("arq.war", "target/bakery-alerts.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: the in-container tests deploy the WAR that the"
                    + " package phase builds (run them through ./mvnw verify)");
        }
        // A name per test class, so that the server's log tells the classes' deployments apart.
        // (Each undeployment logs CWWKZ0014W, "could not be found", as its file leaves dropins.)
        String name = "incontainer-"
                + tests[0].getSimpleName().replace("InContainerIT", "").toLowerCase();
        return ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(InContainer.class, DirectDatabase.class)
                .addClasses(tests);
    }

    /** Ids of their own on every run: the database may hold earlier runs' rows (or other servers'). */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static AlertSubmission alert(String id, String tenant, String service, String type, Severity severity) {
        return new AlertSubmission(
                id,
                tenant,
                ItemType.ALERT,
                service,
                type,
                severity,
                "In-container test " + id,
                null,
                JsonValue.EMPTY_JSON_ARRAY,
                JsonValue.EMPTY_JSON_OBJECT,
                Instant.now());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
