package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page a newcomer opens, and the health endpoints Kubernetes probes. */
class WebAppIT {

    @Test
    void servesThePage() {
        HttpResponse<String> page = Server.get("", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Bakery-IA · live alerts</title>"), page.body());
        assertTrue(page.body().contains("js/app.js"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "js/app.js",
                "js/streams/alert-stream.js",
                "js/auth/session.js",
                "js/alerts/alert-list.js",
                "js/alerts/ingest.js",
                "js/ui/toasts.js"
            })
    void servesTheModulesAsJavaScript(String path) {
        HttpResponse<String> module = Server.get(path, null);
        assertEquals(200, module.statusCode());
        assertEquals(
                "text/javascript",
                module.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void isReadyAndLive() {
        HttpResponse<String> ready = Server.get("health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", Server.json(ready.body()).getString("status"));
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"alerts-queue\""));
        assertEquals(200, Server.get("health/live", null).statusCode());
    }
}
