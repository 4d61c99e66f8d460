package com.bakeryia.alerts.auth.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixed demo accounts of the development mode (DESIGN.md, demo login). */
public final class DemoUsers {

    /** @param tenants the token's tenants claim; empty for none, so the membership table decides */
    public record DemoUser(String username, Optional<List<String>> tenants, List<String> groups) {}

    private static final Map<String, DemoUser> USERS = Map.of(
            "alice", new DemoUser("alice", Optional.of(List.of("bakery-centro")), List.of("user")),
            "bob", new DemoUser("bob", Optional.of(List.of("bakery-norte")), List.of("user")),
            "carol", new DemoUser("carol", Optional.of(List.of("bakery-centro", "bakery-norte")), List.of("user")),
            "dave", new DemoUser("dave", Optional.empty(), List.of("user")),
            "admin", new DemoUser("admin", Optional.empty(), List.of(Caller.ALERTS_ADMIN)),
            "manager",
                    new DemoUser(
                            "manager", Optional.of(List.of("bakery-centro")), List.of("user", Caller.TENANT_ADMIN)),
            "inventory-service",
                    new DemoUser("inventory-service", Optional.of(List.of()), List.of(Caller.ALERT_PUBLISHER)));

    private DemoUsers() {}

    public static Optional<DemoUser> find(String username) {
        return Optional.ofNullable(username == null ? null : USERS.get(username));
    }

    public static List<String> names() {
        return USERS.keySet().stream().sorted().toList();
    }
}
