package com.bakeryia.alerts.streams.control;

import com.bakeryia.alerts.platform.ApiProblem;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.store.control.AlertSelection;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.store.entity.Severity;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a stream asked to see: {@code severity=urgent,high}, {@code service=...}, {@code type=...}
 * (each comma-separated; empty means all). Streams with equal filters share a broadcaster, so
 * {@link #key()} is canonical.
 */
public record StreamFilter(Set<Severity> severities, Set<String> services, Set<String> types) {

    public static final StreamFilter NONE = new StreamFilter(Set.of(), Set.of(), Set.of());

    private static final int MAX_VALUES = 32;

    /** @throws ApiProblem 400 naming the parameter when a value is not valid */
    public static StreamFilter parse(String severity, String service, String type) {
        Set<Severity> severities = values("severity", severity, null).stream()
                .map(v -> Severity.fromWire(v)
                        .orElseThrow(() -> ApiProblem.badRequest(
                                "invalid_parameter",
                                "severity must be a comma-separated list of urgent, high, medium, low.")))
                .collect(Collectors.toCollection(TreeSet::new));
        return new StreamFilter(
                Collections.unmodifiableSet(severities),
                values("service", service, Identifiers.SERVICE),
                values("type", type, Identifiers.TYPE));
    }

    private static Set<String> values(String name, String csv, Pattern pattern) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<String> values = Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (values.size() > MAX_VALUES
                || (pattern != null
                        && !values.stream().allMatch(v -> pattern.matcher(v).matches()))) {
            throw ApiProblem.badRequest(
                    "invalid_parameter",
                    name + " must be a comma-separated list of at most " + MAX_VALUES + " valid values.");
        }
        return Collections.unmodifiableSet(values);
    }

    public boolean matches(PublishedAlert alert) {
        return (severities.isEmpty() || severities.contains(alert.severity()))
                && (services.isEmpty() || services.contains(alert.service()))
                && (types.isEmpty() || types.contains(alert.type()));
    }

    /** What the database reads for a stream of these tenants with this filter. */
    public AlertSelection selection(Set<String> tenants) {
        return new AlertSelection(tenants, severities, services, types);
    }

    public String key() {
        return severities + "|" + services + "|" + types;
    }
}
