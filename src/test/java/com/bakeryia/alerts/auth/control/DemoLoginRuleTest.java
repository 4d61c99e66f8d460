package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.auth.control.DemoLoginRule.Database;
import com.bakeryia.alerts.auth.control.DemoLoginRule.Outcome;
import com.bakeryia.alerts.auth.control.DemoLoginRule.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DEMO_LOGIN × a configured key × the database (× an HS256 secret): the whole matrix. */
class DemoLoginRuleTest {

    @ParameterizedTest(name = "DEMO_LOGIN={0}, key={1}, database={2}, hs256={3} -> demo {4}, accepts tokens {5}")
    @CsvSource({
        // A configured key: never the demo login, whatever else.
        "AUTO, true,  EMBEDDED_DERBY, false, false, true",
        "AUTO, true,  OTHER,          false, false, true",
        "ON,   true,  EMBEDDED_DERBY, false, false, true",
        "ON,   true,  OTHER,          false, false, true",
        "OFF,  true,  EMBEDDED_DERBY, false, false, true",
        "OFF,  true,  OTHER,          false, false, true",
        "ON,   true,  OTHER,          true,  false, true",
        // No key: auto is the embedded demo only; on anywhere; off nowhere.
        "AUTO, false, EMBEDDED_DERBY, false, true,  true",
        "AUTO, false, OTHER,          false, false, false",
        "ON,   false, EMBEDDED_DERBY, false, true,  true",
        "ON,   false, OTHER,          false, true,  true",
        "OFF,  false, EMBEDDED_DERBY, false, false, false",
        "OFF,  false, OTHER,          false, false, false",
        // No key, no demo login, but an HS256 secret: HS256 tokens are still accepted.
        "AUTO, false, OTHER,          true,  false, true",
        "OFF,  false, EMBEDDED_DERBY, true,  false, true",
        "AUTO, false, EMBEDDED_DERBY, true,  true,  true",
    })
    void decides(Setting setting, boolean key, Database database, boolean hs256, boolean demo, boolean accepts) {
        Outcome outcome = DemoLoginRule.decide(setting, key, database, hs256);
        assertEquals(demo, outcome.demoLogin());
        assertEquals(accepts, outcome.acceptsTokens());
        assertFalse(outcome.message().contains("\n"), "one log line");
        if (demo) {
            assertNull(outcome.offBecause());
        } else {
            assertNotNull(outcome.offBecause());
        }
    }

    @Test
    void aServerThatAcceptsNoTokenSaysWhyAndHowToFixIt() {
        Outcome outcome = DemoLoginRule.decide(Setting.AUTO, false, Database.OTHER, false);
        assertTrue(outcome.message().contains("accepts no token"), outcome.message());
        assertTrue(outcome.message().contains("DEMO_LOGIN=auto and the database is not the embedded Derby"));
        assertTrue(outcome.message().contains("MP_JWT_VERIFY_PUBLICKEY"));
        assertTrue(DemoLoginRule.decide(Setting.OFF, false, Database.EMBEDDED_DERBY, false)
                .message()
                .contains("DEMO_LOGIN=off"));
    }

    @Test
    void demoLoginOnBesideAKeyIsCalledOutAsIgnored() {
        assertTrue(DemoLoginRule.decide(Setting.ON, true, Database.OTHER, false)
                .message()
                .contains("ignored"));
    }

    @Test
    void readsTheSettingAndTheDatabaseProduct() {
        assertEquals(Setting.AUTO, Setting.parse(null));
        assertEquals(Setting.AUTO, Setting.parse(" "));
        assertEquals(Setting.ON, Setting.parse("On"));
        assertEquals(Setting.OFF, Setting.parse(" off "));
        assertThrows(IllegalArgumentException.class, () -> Setting.parse("yes"));
        assertEquals(Database.EMBEDDED_DERBY, Database.ofProduct("Apache Derby"));
        assertEquals(Database.OTHER, Database.ofProduct("PostgreSQL"));
        assertEquals(Database.OTHER, Database.ofProduct(null));
    }
}
