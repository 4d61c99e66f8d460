package it.com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Notifications;
import it.com.bakeryia.alerts.support.Server;
import it.com.bakeryia.alerts.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings API: who may read and change a tenant's settings, what it accepts, what it returns. */
class NotificationSettingsIT {

    static final String EXAMPLE = """
            { "recipients": { "email": ["ops@bakery.example"], "whatsapp": ["+34600000001"] },
              "rules": [ { "severity": ["urgent"], "service": [], "type": [], "channels": ["email", "whatsapp"] },
                         { "severity": ["high"], "channels": ["email"] } ],
              "quiet_hours": { "from": "22:00", "to": "06:00", "time_zone": "Europe/Madrid" },
              "group_window_seconds": 300 }""";

    static String tenant() {
        return "settings-" + Server.newId().substring(0, 8);
    }

    @Test
    void aTenantWithoutSettingsReadsTheDefaults() {
        String tenant = tenant();
        HttpResponse<String> response =
                Server.get(Notifications.settingsPath(tenant), Notifications.tenantAdmin("manager-x", tenant));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Server.json(response.body());
        assertTrue(body.getBoolean("defaults"));
        assertEquals(tenant, body.getString("tenant_id"));
        assertEquals(0, body.getJsonObject("recipients").getJsonArray("email").size());
        assertEquals(
                List.of("email", "whatsapp"),
                body.getJsonArray("rules")
                        .getJsonObject(0)
                        .getJsonArray("channels")
                        .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(300, body.getInt("group_window_seconds"));
    }

    @Test
    void theTenantsAdministratorStoresAndReadsThemBack() {
        String tenant = tenant();
        String manager = Notifications.tenantAdmin("manager-y", tenant);
        HttpResponse<String> put = Notifications.putSettings(tenant, manager, EXAMPLE);
        assertEquals(200, put.statusCode(), put.body());

        JsonObject body = Server.json(
                Server.get(Notifications.settingsPath(tenant), manager).body());
        assertFalse(body.getBoolean("defaults"));
        assertEquals("manager-y", body.getString("updated_by"));
        assertEquals(
                "+34600000001",
                body.getJsonObject("recipients").getJsonArray("whatsapp").getString(0));
        assertEquals("Europe/Madrid", body.getJsonObject("quiet_hours").getString("time_zone"));
        assertEquals(2, body.getJsonArray("rules").size());
    }

    @Test
    void alertsAdminsReadAnyTenantAndTheDemoTenantAdminReadsItsOwn() {
        String tenant = tenant();
        assertEquals(
                200,
                Server.get(Notifications.settingsPath(tenant), Server.demoToken("admin"))
                        .statusCode());
        String manager = Server.demoToken("manager");
        assertEquals(
                200,
                Server.get(Notifications.settingsPath("bakery-centro"), manager).statusCode());
        assertEquals(
                403,
                Server.get(Notifications.settingsPath("bakery-norte"), manager).statusCode());
    }

    @Test
    void othersAreRefused() {
        String tenant = tenant();
        String path = Notifications.settingsPath(tenant);
        assertEquals(401, Server.get(path, null).statusCode());
        HttpResponse<String> member = Server.get(path, Tokens.user("member", tenant));
        assertEquals(403, member.statusCode(), "a member who is not a tenant admin");
        assertEquals("forbidden", Server.json(member.body()).getString("error"), member.body());
        HttpResponse<String> otherAdmin =
                Notifications.putSettings(tenant, Notifications.tenantAdmin("manager-z", "another-" + tenant), EXAMPLE);
        assertEquals(403, otherAdmin.statusCode(), "an admin of another tenant");
        assertEquals("tenant_forbidden", Server.json(otherAdmin.body()).getString("error"));
        assertEquals(
                403,
                Notifications.putSettings(tenant, Server.publisherToken(), EXAMPLE)
                        .statusCode(),
                "a publisher");
    }

    @Test
    void aBadDocumentIsRefusedWithTheFieldNamedAndNothingChanges() {
        String tenant = tenant();
        String manager = Notifications.tenantAdmin("manager-w", tenant);
        assertEquals(200, Notifications.putSettings(tenant, manager, EXAMPLE).statusCode());

        HttpResponse<String> bad = Notifications.putSettings(
                tenant, manager, "{\"recipients\": {\"whatsapp\": [\"+34600000001\", \"0034600000002\"]}}");
        assertEquals(400, bad.statusCode());
        JsonObject error = Server.json(bad.body());
        assertEquals("invalid_field", error.getString("error"));
        assertTrue(error.getString("message").startsWith("recipients.whatsapp[1]: "), error.toString());

        HttpResponse<String> malformed = Notifications.putSettings(tenant, manager, "{\"rules\": [");
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed_json", Server.json(malformed.body()).getString("error"));

        JsonObject kept = Server.json(
                Server.get(Notifications.settingsPath(tenant), manager).body());
        assertEquals(
                "+34600000001",
                kept.getJsonObject("recipients").getJsonArray("whatsapp").getString(0),
                "the stored settings are unchanged");
        assertEquals(
                1, kept.getJsonObject("recipients").getJsonArray("whatsapp").size());
    }

    @Test
    void anInvalidTenantIdIsABadRequest() {
        HttpResponse<String> response =
                Server.get("api/admin/tenants/not%20valid/notifications", Server.demoToken("admin"));
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void deliveriesOfAnotherTenantsAlertAreNotFound() {
        String id = Server.newId();
        String tenant = tenant();
        assertEquals(
                202,
                Server.post("api/alerts", Server.publisherToken(), Server.alert(id, tenant, "inventory", "low", "x"))
                        .statusCode());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Notifications.deliveries(id, tenant) != null);
        HttpResponse<String> stranger =
                Server.get("api/alerts/" + id + "/deliveries", Tokens.user("stranger", "elsewhere-" + tenant));
        assertEquals(404, stranger.statusCode());
        assertEquals("alert_not_found", Server.json(stranger.body()).getString("error"));
        assertEquals(401, Server.get("api/alerts/" + id + "/deliveries", null).statusCode());
    }
}
