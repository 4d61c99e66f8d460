package com.bakeryia.alerts.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date at start-up, before anything else touches it, by applying
 * the versioned changelog {@code db/changelog.xml} (the same for Derby and PostgreSQL). Servers
 * starting together are serialised by Liquibase's lock table. Work that may arrive before start-up
 * finishes (a queued message) waits for {@link #awaitCompleted}.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    static final String CHANGELOG = "db/changelog.xml";

    @Resource(lookup = "jdbc/alerts")
    DataSource dataSource;

    private final CountDownLatch completed = new CountDownLatch(1);

    void migrate(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started)
            throws Exception {
        long begin = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            String product = database.getDatabaseProductName();
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would otherwise shut the whole embedded database down when it is done.
                derby.setShutdownEmbeddedDerby(false);
                failFastOnLocks(connection);
            }
            try (Liquibase liquibase = new Liquibase(
                    CHANGELOG, new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            LOG.info(() -> "Database schema of " + product + " is up to date ("
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms)");
        }
        completed.countDown();
    }

    /**
     * Embedded Derby waits 60 s for a lock by default, and a stalled wait there holds up every
     * writer; fail within seconds instead (the message-driven bean and the relay retry). Seen under
     * bursts of concurrent inserts: Derby's identity sequence reports "too much contention"
     * (SequenceUpdater) once the wait is over.
     */
    private static void failFastOnLocks(Connection connection) throws java.sql.SQLException {
        try (var statement = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            statement.setString(1, "derby.locks.waitTimeout");
            statement.setString(2, "10");
            statement.execute();
            statement.setString(1, "derby.locks.deadlockTimeout");
            statement.setString(2, "3");
            statement.execute();
        }
    }

    /** @return whether the schema is ready; waits at most {@code seconds} for start-up to apply it */
    public boolean awaitCompleted(long seconds) {
        try {
            return completed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
