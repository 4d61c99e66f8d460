/**
 * Deciding and sending notifications: the rules, grouping and quiet hours applied in each alert's
 * own transaction ({@link com.bakeryia.alerts.notifications.control.DeliveryPlanner}), the
 * dispatcher that claims due deliveries and hands them over an in-process Reactive Messaging
 * channel per transport, and the transports themselves (SMTP, Twilio). ADR 0004.
 */
package com.bakeryia.alerts.notifications.control;
