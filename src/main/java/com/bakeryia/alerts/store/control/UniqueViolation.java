package com.bakeryia.alerts.store.control;

import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation (SQLState 23505, the same in PostgreSQL and Derby) in
 * an exception's causes, whatever the persistence provider wrapped it in.
 */
final class UniqueViolation {

    static final String SQL_STATE = "23505";

    private UniqueViolation() {}

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (SQL_STATE.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
