package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.NotificationRule;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.notifications.entity.QuietHours;
import com.bakeryia.alerts.platform.Identifiers;
import com.bakeryia.alerts.platform.JsonFactories;
import com.bakeryia.alerts.platform.JsonInput;
import com.bakeryia.alerts.store.entity.Severity;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings document of {@code /api/admin/tenants/{tenant}/notifications}, read strictly (an
 * unknown or misspelt field is an error, not silently ignored) and written back in full.
 * <ul>
 *   <li>{@code recipients.email}: addresses; {@code recipients.whatsapp}: E.164 numbers; at most
 *       {@value #MAX_RECIPIENTS} each, no repeats</li>
 *   <li>{@code rules}: ordered, the first match wins; missing = the defaults, {@code []} = in-app only</li>
 *   <li>{@code quiet_hours}: {@code {"from": "22:00", "to": "06:00", "time_zone": "Europe/Madrid"}} or null</li>
 *   <li>{@code group_window_seconds}: 0 (no grouping) to 86400; missing = 300</li>
 * </ul>
 */
public final class SettingsJson {

    static final int MAX_RECIPIENTS = 50;
    static final int MAX_RULES = 50;
    static final int MAX_LIST = 50;
    static final long MAX_WINDOW_SECONDS = 86_400;
    /** A practical address check (the SMTP server has the last word): one @, a dotted domain, no spaces. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private SettingsJson() {}

    public static NotificationSettings parse(String body) {
        JsonValue value;
        try {
            value = JsonInput.read(body);
        } catch (JsonInput.BadJson e) {
            throw new InvalidSettings(e.code(), "body", e.getMessage());
        }
        JsonObject root = object(value, "body");
        only(root, "body", "recipients", "rules", "quiet_hours", "group_window_seconds");

        List<String> emails = List.of();
        List<String> whatsapp = List.of();
        JsonValue recipients = root.get("recipients");
        if (recipients != null && recipients != JsonValue.NULL) {
            JsonObject object = object(recipients, "recipients");
            only(object, "recipients", "email", "whatsapp");
            emails = strings(object.get("email"), "recipients.email", MAX_RECIPIENTS, EMAIL, "an email address");
            whatsapp = strings(
                    object.get("whatsapp"),
                    "recipients.whatsapp",
                    MAX_RECIPIENTS,
                    E164,
                    "a phone number in E.164 form, like +34600000001");
            unique(emails, "recipients.email", e -> e.toLowerCase(java.util.Locale.ROOT));
            unique(whatsapp, "recipients.whatsapp", Function.identity());
        }

        List<NotificationRule> rules = NotificationSettings.DEFAULTS.rules();
        JsonValue rulesValue = root.get("rules");
        if (rulesValue != null && rulesValue != JsonValue.NULL) {
            JsonArray array = array(rulesValue, "rules");
            if (array.size() > MAX_RULES) {
                throw new InvalidSettings("invalid_field", "rules", "at most " + MAX_RULES + " rules.");
            }
            rules = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                rules.add(rule(array.get(i), "rules[" + i + "]"));
            }
        }

        Optional<QuietHours> quiet = Optional.empty();
        JsonValue quietValue = root.get("quiet_hours");
        if (quietValue != null && quietValue != JsonValue.NULL) {
            quiet = Optional.of(quietHours(quietValue));
        }

        Duration window = NotificationSettings.DEFAULT_GROUP_WINDOW;
        JsonValue windowValue = root.get("group_window_seconds");
        if (windowValue != null && windowValue != JsonValue.NULL) {
            if (!(windowValue instanceof JsonNumber number)
                    || !number.isIntegral()
                    || number.longValue() < 0
                    || number.longValue() > MAX_WINDOW_SECONDS) {
                throw new InvalidSettings(
                        "invalid_field",
                        "group_window_seconds",
                        "a whole number of seconds from 0 (no grouping) to " + MAX_WINDOW_SECONDS + ".");
            }
            window = Duration.ofSeconds(number.longValue());
        }
        return new NotificationSettings(emails, whatsapp, rules, quiet, window);
    }

    private static NotificationRule rule(JsonValue value, String field) {
        JsonObject rule = object(value, field);
        only(rule, field, "severity", "service", "type", "channels");
        Set<Severity> severities = new LinkedHashSet<>();
        for (String name : strings(rule.get("severity"), field + ".severity", MAX_LIST, null, null)) {
            severities.add(Severity.fromWire(name)
                    .orElseThrow(() -> new InvalidSettings(
                            "invalid_field",
                            field + ".severity",
                            "'" + name + "' is not a severity (urgent, high, medium, low).")));
        }
        List<String> services = strings(
                rule.get("service"),
                field + ".service",
                MAX_LIST,
                Identifiers.SERVICE,
                "a service name ([a-z0-9_-]{1,32})");
        List<String> types = strings(rule.get("type"), field + ".type", MAX_LIST, Identifiers.TYPE, "an alert type");
        if (!rule.containsKey("channels")) {
            throw new InvalidSettings(
                    "missing_field", field + ".channels", "required: the channels to use, [] for in-app only.");
        }
        Set<Channel> channels = new LinkedHashSet<>();
        for (String name : strings(rule.get("channels"), field + ".channels", MAX_LIST, null, null)) {
            channels.add(Channel.fromWire(name)
                    .orElseThrow(() -> new InvalidSettings(
                            "invalid_field",
                            field + ".channels",
                            "'" + name + "' is not a channel (email, whatsapp).")));
        }
        return new NotificationRule(severities, Set.copyOf(services), Set.copyOf(types), List.copyOf(channels));
    }

    private static QuietHours quietHours(JsonValue value) {
        JsonObject quiet = object(value, "quiet_hours");
        only(quiet, "quiet_hours", "from", "to", "time_zone");
        LocalTime from = time(quiet.get("from"), "quiet_hours.from");
        LocalTime to = time(quiet.get("to"), "quiet_hours.to");
        if (!(quiet.get("time_zone") instanceof JsonString zoneName)) {
            throw new InvalidSettings(
                    "missing_field", "quiet_hours.time_zone", "required: an IANA time zone such as Europe/Madrid.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName.getString());
        } catch (DateTimeException e) {
            throw new InvalidSettings(
                    "invalid_field",
                    "quiet_hours.time_zone",
                    "'" + zoneName.getString() + "' is not a time zone (use an IANA name such as Europe/Madrid).");
        }
        if (from.equals(to)) {
            throw new InvalidSettings("invalid_field", "quiet_hours.to", "must differ from quiet_hours.from.");
        }
        return new QuietHours(from, to, zone);
    }

    private static LocalTime time(JsonValue value, String field) {
        if (!(value instanceof JsonString text)) {
            throw new InvalidSettings("missing_field", field, "required: a time of day as HH:mm.");
        }
        try {
            return LocalTime.parse(text.getString(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidSettings(
                    "invalid_field", field, "'" + text.getString() + "' is not a time of day as HH:mm (00:00-23:59).");
        }
    }

    private static JsonObject object(JsonValue value, String field) {
        if (!(value instanceof JsonObject object)) {
            throw new InvalidSettings("invalid_field", field, "must be a JSON object.");
        }
        return object;
    }

    private static JsonArray array(JsonValue value, String field) {
        if (!(value instanceof JsonArray array)) {
            throw new InvalidSettings("invalid_field", field, "must be a JSON array.");
        }
        return array;
    }

    private static void only(JsonObject object, String field, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                String where = field.equals("body") ? key : field + "." + key;
                throw new InvalidSettings(
                        "unknown_field",
                        where,
                        "not a settings field (allowed here: " + String.join(", ", allowed) + ").");
            }
        }
    }

    /** A list of strings; missing or null = empty. */
    private static List<String> strings(JsonValue value, String field, int max, Pattern pattern, String what) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        JsonArray array = array(value, field);
        if (array.size() > max) {
            throw new InvalidSettings("invalid_field", field, "at most " + max + " entries.");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw new InvalidSettings("invalid_field", field + "[" + i + "]", "must be a string.");
            }
            String string = text.getString();
            if (pattern != null
                    && (string.length() > 254 || !pattern.matcher(string).matches())) {
                throw new InvalidSettings(
                        "invalid_field", field + "[" + i + "]", "'" + shortened(string) + "' is not " + what + ".");
            }
            result.add(string);
        }
        return result;
    }

    private static void unique(List<String> values, String field, Function<String, String> key) {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(key.apply(values.get(i)))) {
                throw new InvalidSettings(
                        "invalid_field", field + "[" + i + "]", "'" + values.get(i) + "' is listed twice.");
            }
        }
    }

    private static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 79) + "…";
    }

    /** The full document, every field present (defaults included), as GET returns it. */
    public static JsonObject write(NotificationSettings settings) {
        var rules = JsonFactories.arrayBuilder();
        for (NotificationRule rule : settings.rules()) {
            rules.add(JsonFactories.objectBuilder()
                    .add(
                            "severity",
                            names(rule.severities().stream()
                                    .map(Severity::wireName)
                                    .sorted()
                                    .toList()))
                    .add("service", names(rule.services().stream().sorted().toList()))
                    .add("type", names(rule.types().stream().sorted().toList()))
                    .add(
                            "channels",
                            names(rule.channels().stream()
                                    .map(Channel::wireName)
                                    .toList())));
        }
        var json = JsonFactories.objectBuilder()
                .add(
                        "recipients",
                        JsonFactories.objectBuilder()
                                .add("email", names(settings.emails()))
                                .add("whatsapp", names(settings.whatsapp())))
                .add("rules", rules);
        settings.quietHours()
                .ifPresentOrElse(
                        quiet -> json.add(
                                "quiet_hours",
                                JsonFactories.objectBuilder()
                                        .add("from", quiet.from().format(HH_MM))
                                        .add("to", quiet.to().format(HH_MM))
                                        .add("time_zone", quiet.zone().getId())),
                        () -> json.addNull("quiet_hours"));
        return json.add("group_window_seconds", settings.groupWindow().toSeconds())
                .build();
    }

    private static JsonArrayBuilder names(Collection<String> values) {
        var array = JsonFactories.arrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
