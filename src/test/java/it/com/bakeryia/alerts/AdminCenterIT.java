package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.AdminCenterClient;
import it.com.bakeryia.alerts.support.AdminCenterClient.Response;
import it.com.bakeryia.alerts.support.Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admin Center ({@code ADMIN_CENTER=on}, {@code ADMIN_USER}, {@code ADMIN_PASSWORD}; the build turns
 * it on for the main test server, and for server A of the real-services profile) answers the
 * administrator on the HTTPS port and no one else: the REST API under {@code /ibm/api/} (and the JMX
 * connector the Explore tool reads) with HTTP basic credentials, the console at {@code /adminCenter/}
 * through its login form. Over HTTP there is only a redirect to HTTPS.
 */
public class AdminCenterIT {

    static final URI HTTPS = URI.create(System.getProperty("it.https.url", "https://localhost:9443") + "/");
    static final String USER = System.getProperty("it.admin.user", "admin");
    static final String PASSWORD = System.getProperty("it.admin.password", "");
    static final String APPLICATION_STATE = "IBMJMXConnectorREST/mbeans/"
            + "WebSphere%3Aname%3Dbakery-alerts%2Cservice%3Dcom.ibm.websphere.application.ApplicationMBean"
            + "/attributes/State";

    /** One request from a new client: no cookie (an LTPA token from an earlier sign-in) goes along. */
    static Response get(String path, String user, String password) {
        return new AdminCenterClient(HTTPS).get(path, user, password);
    }

    @Test
    void theRestApiAnswersTheAdministratorAndNoOneElse() {
        Response admin = get("ibm/api/", USER, PASSWORD);
        assertEquals(200, admin.status(), admin.body());
        assertTrue(admin.body().contains("/IBMJMXConnectorREST"), admin.body());

        assertEquals(401, get("ibm/api/", null, null).status(), "anonymous");
        assertEquals(401, get("ibm/api/", USER, PASSWORD + "x").status(), "wrong password");
        assertEquals(401, get("ibm/api/", USER, "").status(), "empty password");
        assertEquals(401, get("ibm/api/", "admin", "admin").status(), "a guess");
        // What Liberty admits when a registry's variables are left unresolved (admin-center-on.xml)
        assertEquals(401, get("ibm/api/", "${admin.user}", "${admin.password}").status(), "literals");
        assertEquals(401, get(APPLICATION_STATE, USER, "wrong").status());
        assertEquals(401, get(APPLICATION_STATE, null, null).status());
    }

    @Test
    void theExploreToolsConnectorSeesTheApplicationStarted() {
        Response state = get(APPLICATION_STATE, USER, PASSWORD);
        assertEquals(200, state.status(), state.body());
        assertTrue(state.body().contains("\"STARTED\""), state.body());
    }

    @Test
    void theConsoleSignsTheAdministratorInThroughItsLoginForm() {
        AdminCenterClient client = new AdminCenterClient(HTTPS);
        Response anonymous = client.get("adminCenter/", null, null);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().orElse("").endsWith("/adminCenter/login.jsp"), anonymous.toString());

        Response login = client.formLogin(USER, PASSWORD);
        assertEquals(302, login.status(), login.toString());
        assertTrue(login.location().orElse("").endsWith("/adminCenter/"), login.toString());
        assertTrue(client.hasCookie("LtpaToken2"), "signed in: " + login);
        Response console = client.get("adminCenter/", null, null);
        assertEquals(200, console.status(), console.toString());
        assertTrue(console.body().contains("Admin Center") || console.body().contains("adminCenter"), console.body());
    }

    @Test
    void theConsoleRefusesAWrongPassword() {
        AdminCenterClient stranger = new AdminCenterClient(HTTPS);
        Response login = stranger.formLogin(USER, PASSWORD + "x");
        assertFalse(stranger.hasCookie("LtpaToken2"), login.toString());
        assertFalse(login.location().orElse("").endsWith("/adminCenter/"), login.toString());
        Response console = stranger.get("adminCenter/", null, null);
        assertEquals(302, console.status());
        assertTrue(console.location().orElse("").endsWith("/adminCenter/login.jsp"), console.toString());
    }

    @Test
    void overHttpThereIsOnlyARedirectToHttps() {
        for (String path : List.of("adminCenter/", "ibm/api/")) {
            HttpResponse<String> plain =
                    Server.send(HttpRequest.newBuilder(Server.uri(path)).GET().build());
            assertEquals(302, plain.statusCode(), path);
            assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"), path);
        }
    }

    @Test
    void theServerSaysAdminCenterIsOnAndNeverLogsThePassword() throws IOException {
        Path logs = Path.of(System.getProperty("it.server.logs", "target"));
        assertFalse(PASSWORD.isEmpty());
        StringBuilder messages = new StringBuilder(); // messages.log and any earlier ones (restarts)
        try (var files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(PASSWORD), file + " holds the administrator's password");
                if (file.getFileName().toString().startsWith("messages")) {
                    messages.append(text);
                }
            }
        }
        assertTrue(messages.toString()
                .contains(
                        "Admin Center is on: https://<host>:<HTTPS_PORT>/adminCenter/ for ADMIN_USER '" + USER + "'"));
        assertFalse(messages.toString().contains("ADMIN_CENTER=on but"), "no start-up error");
    }
}
