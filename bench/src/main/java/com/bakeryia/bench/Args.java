package com.bakeryia.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} options (and bare {@code --flag}); every lookup names its default. */
final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                values.put(name, argv[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    String str(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name, int dflt) {
        String v = values.get(name);
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.strip().replace("_", ""));
    }

    long longValue(String name, long dflt) {
        String v = values.get(name);
        return v == null || v.isBlank() ? dflt : Long.parseLong(v.strip().replace("_", ""));
    }

    double decimal(String name, double dflt) {
        String v = values.get(name);
        return v == null || v.isBlank() ? dflt : Double.parseDouble(v.strip());
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    Map<String, String> all() {
        return values;
    }
}
