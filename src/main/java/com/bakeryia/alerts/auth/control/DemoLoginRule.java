package com.bakeryia.alerts.auth.control;

import java.util.Locale;

/**
 * Whether this server runs the demo login (and signs development tokens), from {@code DEMO_LOGIN},
 * whether a verification key is configured and which database it runs on — and whether it then
 * accepts any token at all. The rule, so that a production deployment that forgets its key never
 * hands out tokens:
 * <ul>
 *   <li>a configured key ({@code MP_JWT_VERIFY_PUBLICKEY[_LOCATION]}) always turns the demo login
 *       off, whatever {@code DEMO_LOGIN} says;</li>
 *   <li>{@code auto} (the default) turns it on only in the fully embedded demo: no key and the
 *       embedded Derby database; {@code on} also with PostgreSQL (staging, tests); {@code off}
 *       never;</li>
 *   <li>no key and no demo login: the server accepts only HS256 tokens if {@code JWT_HS256_SECRET}
 *       is set, else no token at all — then it says so at start-up and its readiness is DOWN.</li>
 * </ul>
 */
public final class DemoLoginRule {

    private DemoLoginRule() {}

    /** {@code DEMO_LOGIN}. */
    public enum Setting {
        AUTO,
        ON,
        OFF;

        /** @throws IllegalArgumentException for anything but auto, on, off (or unset: auto) */
        public static Setting parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DEMO_LOGIN must be auto, on or off, not '" + value.strip() + "'");
            }
        }
    }

    /** The database the server runs on, as far as the rule cares. */
    public enum Database {
        EMBEDDED_DERBY,
        OTHER;

        /** From JDBC's {@code DatabaseMetaData.getDatabaseProductName()}. */
        public static Database ofProduct(String productName) {
            return productName != null && productName.strip().equalsIgnoreCase("Apache Derby") ? EMBEDDED_DERBY : OTHER;
        }
    }

    /**
     * @param demoLogin     whether the demo login answers and development tokens are signed and accepted
     * @param acceptsTokens whether any token can be accepted at all (false: readiness DOWN)
     * @param message       the one start-up log line (and, when no token is accepted, the readiness reason)
     * @param offBecause    why the demo login is off, for its 404 (null when on)
     */
    public record Outcome(boolean demoLogin, boolean acceptsTokens, String message, String offBecause) {}

    public static Outcome decide(Setting setting, boolean keyConfigured, Database database, boolean hs256Secret) {
        if (keyConfigured) {
            return new Outcome(
                    false,
                    true,
                    setting == Setting.ON
                            ? "DEMO_LOGIN=on is ignored: a token verification key is configured, so the demo login and"
                                    + " development tokens are off."
                            : "A token verification key is configured: development tokens and the demo login are off.",
                    "this server verifies tokens with a configured key");
        }
        boolean on = switch (setting) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> database == Database.EMBEDDED_DERBY;
        };
        if (on) {
            return new Outcome(
                    true,
                    true,
                    "No token verification key is configured: this server signs development"
                            + " tokens and the demo login is on ("
                            + (setting == Setting.ON
                                    ? "DEMO_LOGIN=on"
                                    : "DEMO_LOGIN=auto with the embedded Derby database")
                            + ").",
                    null);
        }
        String why = setting == Setting.OFF
                ? "DEMO_LOGIN=off"
                : "DEMO_LOGIN=auto and the database is not the embedded Derby";
        if (hs256Secret) {
            return new Outcome(
                    false,
                    true,
                    "No token verification key is configured and the demo login is off (" + why
                            + "): only HS256 tokens signed with JWT_HS256_SECRET are accepted.",
                    why);
        }
        return new Outcome(
                false,
                false,
                "No token verification key is configured and the demo login is off ("
                        + why + "): this server accepts no token. Set MP_JWT_VERIFY_PUBLICKEY or"
                        + " MP_JWT_VERIFY_PUBLICKEY_LOCATION (or DEMO_LOGIN=on on a staging or test server).",
                why);
    }
}
