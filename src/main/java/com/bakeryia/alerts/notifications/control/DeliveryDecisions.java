package com.bakeryia.alerts.notifications.control;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.notifications.entity.DeliveryStatus;
import com.bakeryia.alerts.notifications.entity.NotificationSettings;
import com.bakeryia.alerts.store.entity.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to one alert outside the dashboard, decided from the tenant's settings alone (no
 * I/O, so every rule is tested directly): the first matching rule picks the channels, each
 * channel's recipients get one delivery each; the alert's group decides whether they notify now or
 * are {@code suppressed}; quiet hours hold all but urgent alerts; a channel without a transport on
 * this deployment is {@code not_configured}.
 */
public final class DeliveryDecisions {

    /** The facts about an alert that routing looks at. */
    public record AlertFacts(Severity severity, String service, String type) {}

    /** When the alert's group last notified, and how many alerts it has suppressed since. */
    public record GroupState(Instant notifiedAt, int suppressed) {}

    public record Planned(
            Channel channel, String recipient, DeliveryStatus status, int suppressedBefore, Instant dueAt) {}

    /**
     * @param group the group's state to store, empty when the group is left as it was (nothing to
     *     notify, or no grouping)
     */
    public record Plan(List<Planned> deliveries, Optional<GroupState> group) {

        static final Plan NOTHING = new Plan(List.of(), Optional.empty());
    }

    private DeliveryDecisions() {}

    /**
     * @param group the group's current state, or empty when this is its first alert (or the window
     *     is zero and there is no group)
     */
    public static Plan decide(
            NotificationSettings settings,
            AlertFacts alert,
            Set<Channel> configured,
            Optional<GroupState> group,
            Instant now) {
        List<Channel> channels = settings.channelsFor(alert.severity(), alert.service(), alert.type());
        List<Target> targets = new ArrayList<>();
        for (Channel channel : channels) {
            settings.recipients(channel).forEach(recipient -> targets.add(new Target(channel, recipient)));
        }
        if (targets.isEmpty()) {
            return Plan.NOTHING;
        }
        boolean grouping = !settings.groupWindow().isZero();
        if (grouping
                && group.isPresent()
                && now.isBefore(group.get().notifiedAt().plus(settings.groupWindow()))) {
            int suppressed = group.get().suppressed() + 1;
            List<Planned> deliveries = targets.stream()
                    .map(t -> new Planned(t.channel(), t.recipient(), DeliveryStatus.SUPPRESSED, 0, null))
                    .toList();
            return new Plan(deliveries, Optional.of(new GroupState(group.get().notifiedAt(), suppressed)));
        }
        int suppressedBefore = group.map(GroupState::suppressed).orElse(0);
        Optional<Instant> quietUntil = alert.severity() == Severity.URGENT
                ? Optional.empty()
                : settings.quietHours().flatMap(quiet -> quiet.endAfter(now));
        List<Planned> deliveries = new ArrayList<>();
        for (Target target : targets) {
            if (!configured.contains(target.channel())) {
                deliveries.add(new Planned(
                        target.channel(), target.recipient(), DeliveryStatus.NOT_CONFIGURED, suppressedBefore, null));
            } else if (quietUntil.isPresent()) {
                deliveries.add(new Planned(
                        target.channel(), target.recipient(), DeliveryStatus.HELD, suppressedBefore, quietUntil.get()));
            } else {
                deliveries.add(new Planned(
                        target.channel(), target.recipient(), DeliveryStatus.PENDING, suppressedBefore, now));
            }
        }
        return new Plan(deliveries, grouping ? Optional.of(new GroupState(now, 0)) : Optional.empty());
    }

    private record Target(Channel channel, String recipient) {}
}
