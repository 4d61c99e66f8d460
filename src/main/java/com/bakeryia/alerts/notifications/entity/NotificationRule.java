package com.bakeryia.alerts.notifications.entity;

import com.bakeryia.alerts.store.entity.Severity;
import java.util.List;
import java.util.Set;

/**
 * One routing rule: alerts whose severity, service and type are in its lists (an empty list
 * matches anything) go to its channels. An empty channel list means in-app only.
 */
public record NotificationRule(
        Set<Severity> severities, Set<String> services, Set<String> types, List<Channel> channels) {

    public NotificationRule {
        severities = Set.copyOf(severities);
        services = Set.copyOf(services);
        types = Set.copyOf(types);
        channels = List.copyOf(channels);
    }

    public boolean matches(Severity severity, String service, String type) {
        return (severities.isEmpty() || severities.contains(severity))
                && (services.isEmpty() || services.contains(service))
                && (types.isEmpty() || types.contains(type));
    }
}
