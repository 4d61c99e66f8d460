package com.bakeryia.alerts.notifications.entity;

import com.bakeryia.alerts.store.entity.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's notification settings: who is reached on each channel, the ordered rules (the first
 * that matches wins; none → in-app only), quiet hours (optional) and the group window (zero: every
 * alert notifies).
 */
public record NotificationSettings(
        List<String> emails,
        List<String> whatsapp,
        List<NotificationRule> rules,
        Optional<QuietHours> quietHours,
        Duration groupWindow) {

    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofMinutes(5);

    /**
     * A tenant that has set nothing: urgent → email and WhatsApp, high → email, others in-app, to
     * no recipients (so nothing is sent until someone adds them).
     */
    public static final NotificationSettings DEFAULTS = new NotificationSettings(
            List.of(),
            List.of(),
            List.of(
                    new NotificationRule(
                            Set.of(Severity.URGENT), Set.of(), Set.of(), List.of(Channel.EMAIL, Channel.WHATSAPP)),
                    new NotificationRule(Set.of(Severity.HIGH), Set.of(), Set.of(), List.of(Channel.EMAIL))),
            Optional.empty(),
            DEFAULT_GROUP_WINDOW);

    public NotificationSettings {
        emails = List.copyOf(emails);
        whatsapp = List.copyOf(whatsapp);
        rules = List.copyOf(rules);
    }

    /** @return the channels of the first rule that matches, or none (in-app only) */
    public List<Channel> channelsFor(Severity severity, String service, String type) {
        return rules.stream()
                .filter(rule -> rule.matches(severity, service, type))
                .findFirst()
                .map(NotificationRule::channels)
                .orElse(List.of());
    }

    public List<String> recipients(Channel channel) {
        return switch (channel) {
            case EMAIL -> emails;
            case WHATSAPP -> whatsapp;
        };
    }
}
