package com.bakeryia.alerts.store.control;

import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonInput;
import com.bakeryia.alerts.store.entity.ItemType;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the bytes of an alert message (UTF-8 JSON, the contract in DESIGN.md) into a validated
 * {@link AlertSubmission}, or says precisely why it cannot. Shared by the HTTP ingest and the
 * message-driven bean, so both ways in accept exactly the same alerts. Unknown fields are ignored.
 * <p>
 * Whatever the bytes, it returns or throws {@link InvalidAlert}: a message refused here can never
 * succeed, so the ingest answers 400 and the queue dead-letters it at once. That includes what the
 * databases cannot hold — the NUL character and unpaired surrogates in any string (PostgreSQL text
 * refuses the one, UTF-8 cannot carry the other), a timestamp outside the years 1 to 9999 — and
 * JSON nested deeper than {@link JsonInput#MAX_DEPTH} levels.
 */
public final class AlertParser {

    /** The largest message accepted, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final int MAX_TITLE = 500;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AlertParser() {}

    public static AlertSubmission parse(byte[] body) throws InvalidAlert {
        if (body == null || body.length == 0) {
            throw new InvalidAlert("empty_body", "The alert is empty; a JSON object is expected.");
        }
        if (body.length > MAX_BYTES) {
            throw new InvalidAlert("too_large", "The alert is larger than the limit of " + MAX_BYTES + " bytes.");
        }
        return parse(json(decode(body)));
    }

    private static String decode(byte[] body) throws InvalidAlert {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidAlert("malformed_json", "The alert is not valid UTF-8.");
        }
    }

    private static JsonObject json(String text) throws InvalidAlert {
        JsonValue value;
        try {
            value = JsonInput.read(text);
        } catch (JsonInput.BadJson e) {
            throw new InvalidAlert(
                    e.code(),
                    e.code().equals(JsonInput.TOO_DEEP)
                            ? "The alert is nested deeper than " + JsonInput.MAX_DEPTH + " levels."
                            : "The alert is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidAlert("malformed_json", "The alert must be a JSON object.");
        }
        return value.asJsonObject();
    }

    static AlertSubmission parse(JsonObject json) throws InvalidAlert {
        String id = matching(json, "id", Identifiers.ID, "up to 64 letters, digits, '.', '_', ':' or '-'");
        String tenant = matching(json, "tenant_id", Identifiers.ID, "up to 64 letters, digits, '.', '_', ':' or '-'");
        String itemTypeName = optionalString(json, "item_type");
        ItemType itemType = itemTypeName == null
                ? ItemType.ALERT
                : ItemType.fromWire(itemTypeName)
                        .orElseThrow(() -> invalid("item_type", "must be one of " + choices(ItemType.values())));
        String service = matching(json, "service", Identifiers.SERVICE, "1 to 32 of a-z, 0-9, '_' or '-'");
        String type = matching(json, "type", Identifiers.TYPE, "up to 64 letters, digits, '.', '_', ':' or '-'");
        Severity severity = Severity.fromWire(required(json, "severity"))
                .orElseThrow(() -> invalid("severity", "must be one of " + choices(Severity.values())));
        String title = required(json, "title").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw invalid("title", "must have 1 to " + MAX_TITLE + " characters");
        }
        String message = optionalString(json, "message");
        storable("title", title);
        storable("message", message);
        JsonArray actions = actions(json);
        storable("actions", actions);
        JsonObject metadata = metadata(json);
        storable("metadata", metadata);
        return new AlertSubmission(
                id,
                tenant,
                itemType,
                service,
                type,
                severity,
                title,
                message == null ? "" : message,
                actions,
                metadata,
                timestamp(json));
    }

    private static String required(JsonObject json, String field) throws InvalidAlert {
        if (!json.containsKey(field) || json.isNull(field)) {
            throw new InvalidAlert("missing_field", "The field '" + field + "' is required.");
        }
        String value = optionalString(json, field);
        if (value == null) {
            throw invalid(field, "must be a string");
        }
        return value;
    }

    private static String matching(JsonObject json, String field, Pattern pattern, String rule) throws InvalidAlert {
        String value = required(json, field);
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, "must be " + rule);
        }
        return value;
    }

    private static String optionalString(JsonObject json, String field) throws InvalidAlert {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(field, "must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static JsonArray actions(JsonObject json) throws InvalidAlert {
        JsonValue value = json.get("actions");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || !value.asJsonArray().stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            throw invalid("actions", "must be an array of strings");
        }
        return value.asJsonArray();
    }

    private static JsonObject metadata(JsonObject json) throws InvalidAlert {
        JsonValue value = json.get("metadata");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("metadata", "must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static Instant timestamp(JsonObject json) throws InvalidAlert {
        String value = optionalString(json, "timestamp");
        if (value == null) {
            return Instant.now();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("timestamp", "must be an ISO-8601 date-time with an offset, e.g. 2026-11-27T08:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid("timestamp", "must be within the years 1 to 9999");
        }
        return instant;
    }

    /**
     * Refuses a string, or any string (member names too) inside a value, that a database cannot
     * store as it is: a NUL character or an unpaired surrogate.
     */
    private static void storable(String field, JsonValue value) throws InvalidAlert {
        switch (value.getValueType()) {
            case STRING -> storable(field, ((JsonString) value).getString());
            case ARRAY -> {
                for (JsonValue item : value.asJsonArray()) {
                    storable(field, item);
                }
            }
            case OBJECT -> {
                for (var member : value.asJsonObject().entrySet()) {
                    storable(field, member.getKey());
                    storable(field, member.getValue());
                }
            }
            default -> {}
        }
    }

    private static void storable(String field, String text) throws InvalidAlert {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw invalid(field, "must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(field, "must not contain an unpaired surrogate (a lone \\ud800-\\udfff escape)");
            }
        }
    }

    private static InvalidAlert invalid(String field, String rule) {
        return new InvalidAlert("invalid_field", "The field '" + field + "' " + rule + ".");
    }

    private static String choices(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /**
     * Reads a request body, at most one byte past the limit, so an oversized body is refused
     * without being held in memory whole.
     */
    public static byte[] readLimited(InputStream in) throws IOException {
        return in.readNBytes(MAX_BYTES + 1);
    }
}
