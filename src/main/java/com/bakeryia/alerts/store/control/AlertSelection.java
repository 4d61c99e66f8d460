package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.store.entity.Severity;
import java.util.Set;

/**
 * Which alerts a stream reads back: those of these tenants, narrowed by severity, service and type
 * (an empty set does not narrow).
 */
public record AlertSelection(Set<String> tenants, Set<Severity> severities, Set<String> services, Set<String> types) {

    public AlertSelection {
        tenants = Set.copyOf(tenants);
        severities = Set.copyOf(severities);
        services = Set.copyOf(services);
        types = Set.copyOf(types);
    }
}
