/**
 * What notifications are made of: a tenant's settings (recipients, rules, quiet hours, group window)
 * and the delivery outbox, one {@link com.bakeryia.alerts.notifications.entity.Delivery} per alert,
 * channel and recipient.
 */
package com.bakeryia.alerts.notifications.entity;
