package com.bakeryia.alerts.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCenterCheckTest {

    static Optional<String> problem(String mode, String user, String password) {
        return AdminCenterCheck.problem(mode, Optional.ofNullable(user), Optional.ofNullable(password));
    }

    @Test
    void offNeedsNothingAndOnWithBothIsFine() {
        assertEquals(Optional.empty(), problem("off", null, null));
        assertEquals(Optional.empty(), problem("on", "ops", "s3cret"));
    }

    @Test
    void onWithoutAUserOrAPasswordNamesWhatIsMissing() {
        assertEquals(
                "ADMIN_CENTER=on but ADMIN_PASSWORD is not set: Admin Center admits no one (its user registry"
                        + " has no valid user; Liberty logs CWWKS3100E). Set both, there is no default password.",
                problem("on", "ops", null).orElseThrow());
        assertTrue(problem("on", null, "s3cret").orElseThrow().startsWith("ADMIN_CENTER=on but ADMIN_USER is not set"));
        assertTrue(problem("on", " ", "")
                .orElseThrow()
                .startsWith("ADMIN_CENTER=on but ADMIN_USER and ADMIN_PASSWORD are"));
    }

    @Test
    void anUnknownValueStaysOffAndIsShownSafely() {
        String line =
                problem("yes\nforged line " + "x".repeat(80), "ops", "s3cret").orElseThrow();
        assertTrue(line.startsWith("ADMIN_CENTER='yes?forged line xxx"), line);
        assertTrue(line.contains("...' is neither 'on' nor 'off': Admin Center stays off"), line);
        assertFalse(line.contains("\n"));
        assertTrue(problem("ON", null, null).isPresent(), "Liberty's include is case-sensitive: ON is unknown");
    }

    @Test
    void aRestConnectorRunningWhileAdminCenterShouldBeOffIsAStaleConfiguration() {
        assertEquals(Optional.empty(), AdminCenterCheck.stale("on", true));
        assertEquals(Optional.empty(), AdminCenterCheck.stale("off", false));
        assertEquals(Optional.empty(), AdminCenterCheck.stale("yes", false));
        assertTrue(AdminCenterCheck.stale("off", true)
                .orElseThrow()
                .startsWith("ADMIN_CENTER='off' but Admin Center is still on: Liberty started from the configuration"));
        assertTrue(AdminCenterCheck.stale("yes", true).orElseThrow().contains("--clean"));
    }

    @Test
    void thePasswordNeverAppearsInTheLine() {
        assertFalse(problem("on", null, "s3cret-password").orElseThrow().contains("s3cret-password"));
    }
}
