package com.bakeryia.alerts.platform;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * JSON-P factories, made once. Every {@code Json.create...} call looks the provider up again (a
 * service-loader scan plus a failing OSGi class lookup): on the per-alert paths that was about 8 %
 * of a consumer thread's CPU in the ingest benchmark.
 */
public final class JsonFactories {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private JsonFactories() {}

    public static JsonReader reader(String text) {
        return READERS.createReader(new StringReader(text));
    }

    public static JsonObjectBuilder objectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static jakarta.json.JsonArrayBuilder arrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }
}
