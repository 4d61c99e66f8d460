package com.bakeryia.alerts.store.boundary;

import com.bakeryia.alerts.platform.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the alerts database answers: without it no alert can be stored. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/alerts")
    DataSource dataSource;

    @Inject
    SchemaMigrations schema;

    @Override
    public HealthCheckResponse call() {
        if (!schema.awaitCompleted(0)) {
            return HealthCheckResponse.builder()
                    .name("database")
                    .down()
                    .withData("schema", "migrating")
                    .build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.builder()
                    .name("database")
                    .status(connection.isValid(2))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.builder()
                    .name("database")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
