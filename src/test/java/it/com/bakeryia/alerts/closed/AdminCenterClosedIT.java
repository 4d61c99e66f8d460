package it.com.bakeryia.alerts.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.AdminCenterClient;
import it.com.bakeryia.alerts.support.AdminCenterClient.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ADMIN_CENTER=on} with {@code ADMIN_USER} but without {@code ADMIN_PASSWORD} (the fail-closed
 * server): Admin Center admits no one — not the user with any password, not the literal
 * {@code ${admin.password}} Liberty would keep for an unresolved variable — and the server says why
 * in one line.
 */
public class AdminCenterClosedIT {

    static final URI HTTPS = URI.create(System.getProperty("it.closed.https.url", "https://localhost:9443") + "/");
    static final Path LOGS = Path.of(System.getProperty("it.closed.logs", "target"));
    static final String USER = System.getProperty("it.admin.user", "admin");
    static final List<String> PASSWORDS = List.of(
            "", "${admin.password}", "${ADMIN_PASSWORD}", System.getProperty("it.admin.password", "admin"), "admin");

    @Test
    void theRestApiAdmitsNoOne() {
        AdminCenterClient client = new AdminCenterClient(HTTPS);
        assertEquals(401, client.get("ibm/api/", null, null).status(), "anonymous");
        for (String password : PASSWORDS) {
            assertEquals(401, client.get("ibm/api/", USER, password).status(), "password '" + password + "'");
        }
        assertEquals(
                401,
                client.get("ibm/api/", "${admin.user}", "${admin.password}").status(),
                "literals");
        assertEquals(401, client.get("ibm/api/", "", "").status(), "empty user");
    }

    @Test
    void theConsoleSignsNoOneIn() {
        for (String password : PASSWORDS) {
            AdminCenterClient client = new AdminCenterClient(HTTPS);
            Response login = client.formLogin(USER, password);
            assertFalse(client.hasCookie("LtpaToken2"), "password '" + password + "': " + login);
            Response console = client.get("adminCenter/", null, null);
            assertEquals(302, console.status());
            assertTrue(console.location().orElse("").endsWith("/adminCenter/login.jsp"), console.toString());
        }
    }

    @Test
    void saysSoInOneLineOfItsLog() throws IOException {
        List<String> log = Files.readAllLines(LOGS.resolve("messages.log"), StandardCharsets.UTF_8);
        List<String> lines =
                log.stream().filter(l -> l.contains("ADMIN_CENTER=on but")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(
                lines.get(0).contains(" E ADMIN_CENTER=on but ADMIN_PASSWORD is not set: Admin Center admits no one"),
                lines.get(0));
        assertFalse(lines.get(0).contains("ADMIN_USER and"), "the user is set");
        // Liberty's own account of it: the registry's one user is not valid.
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.contains("CWWKS3100E") && l.contains("'" + USER + "' must define a password")),
                "CWWKS3100E");
    }
}
