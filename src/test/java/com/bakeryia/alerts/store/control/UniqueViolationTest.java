package com.bakeryia.alerts.store.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

    @Test
    void aDuplicateKeyDeepInTheCausesIsRecognised() {
        var derby = new SQLIntegrityConstraintViolationException("duplicate key", "23505");
        assertTrue(UniqueViolation.causes(new PersistenceException(new RuntimeException(derby))));
        var postgres = new SQLException("batch failed", "08006");
        postgres.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertTrue(UniqueViolation.causes(new PersistenceException(postgres)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(UniqueViolation.causes(new PersistenceException(new SQLException("not null", "23502"))));
        assertFalse(UniqueViolation.causes(new PersistenceException(new SQLException("connection lost", "08006"))));
        assertFalse(UniqueViolation.causes(new PersistenceException("no cause")));
    }
}
