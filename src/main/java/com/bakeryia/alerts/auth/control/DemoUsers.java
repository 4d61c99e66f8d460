package com.bakeryia.alerts.auth.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixed demo accounts of the development mode (DESIGN.md, demo login). */
public final class DemoUsers {

    public record DemoUser(String username, List<String> tenants, List<String> groups) {
    }

    private static final Map<String, DemoUser> USERS = Map.of(
            "alice", new DemoUser("alice", List.of("bakery-centro"), List.of("user")),
            "bob", new DemoUser("bob", List.of("bakery-norte"), List.of("user")),
            "carol", new DemoUser("carol", List.of("bakery-centro", "bakery-norte"), List.of("user")),
            "inventory-service", new DemoUser("inventory-service", List.of(), List.of(Caller.ALERT_PUBLISHER)));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return Optional.ofNullable(username == null ? null : USERS.get(username));
    }

    public static List<String> names() {
        return USERS.keySet().stream().sorted().toList();
    }
}
