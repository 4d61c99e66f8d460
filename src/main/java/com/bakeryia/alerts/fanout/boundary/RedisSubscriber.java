package com.bakeryia.alerts.fanout.boundary;

import com.bakeryia.alerts.fanout.control.RedisClients;
import com.bakeryia.alerts.platform.BackgroundThread;
import com.bakeryia.alerts.platform.Backoff;
import com.bakeryia.alerts.store.control.AlertJson;
import com.bakeryia.alerts.store.entity.PublishedAlert;
import com.bakeryia.alerts.streams.control.InOrderDelivery;
import com.bakeryia.alerts.tenants.control.Memberships;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * The one Redis subscriber of this server: a single thread holding a pattern subscription to
 * {@code alerts:*} and feeding the streams through {@link InOrderDelivery} (and hearing {@code memberships:changed},
 * which drops a user's cached tenant memberships). After Redis is lost it reconnects with
 * backoff; once subscribed again it has the positions it missed read from the database, so nothing
 * published during the outage is missed.
 */
@ApplicationScoped
public class RedisSubscriber {

    private static final Logger LOG = Logger.getLogger(RedisSubscriber.class.getName());

    @Inject
    RedisClients redis;

    @Inject
    InOrderDelivery order;

    @Inject
    Memberships memberships;

    @Resource
    ManagedThreadFactory threads;

    private final BackgroundThread worker = new BackgroundThread("alerts-redis-subscriber");
    private volatile boolean subscribed;
    private volatile Instant lostAt;
    private volatile JedisPubSub current;

    public void start() {
        worker.start(threads, this::run);
    }

    public boolean subscribed() {
        return subscribed;
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (worker.running()) {
            try (Jedis jedis = redis.subscriberConnection()) {
                JedisPubSub listener = new Listener();
                current = listener;
                // blocks until unsubscribed or lost
                jedis.psubscribe(listener, RedisClients.CHANNEL_PATTERN, RedisClients.MEMBERSHIPS_CHANNEL);
            } catch (RuntimeException e) {
                if (lostAt == null) {
                    lostAt = Instant.now();
                    LOG.log(Level.WARNING, "Lost the Redis subscription at " + redis.where() + "; reconnecting", e);
                }
            } finally {
                if (subscribed) {
                    backoff.succeeded(); // it worked for a while: the next try comes soon
                }
                subscribed = false;
            }
            if (!worker.running()) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.failedMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void catchUp(Instant since) {
        order.catchUp();
        LOG.info(() -> "Redis subscription restored after an outage since " + since
                + "; what was published meanwhile was read from the database");
    }

    private final class Listener extends JedisPubSub {

        @Override
        public void onPSubscribe(String pattern, int subscribedChannels) {
            if (RedisClients.MEMBERSHIPS_CHANNEL.equals(pattern)) {
                memberships.invalidateAll(); // changes made while unsubscribed were not heard
                return;
            }
            subscribed = true;
            Instant since = lostAt;
            lostAt = null;
            LOG.info(() -> "Subscribed to Redis " + pattern + " at " + redis.where());
            if (since != null) {
                try {
                    catchUp(since);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Catching up after the Redis outage failed", e);
                }
            }
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            if (RedisClients.MEMBERSHIPS_CHANNEL.equals(channel)) {
                memberships.invalidate(message);
                return;
            }
            PublishedAlert alert;
            try {
                alert = AlertJson.fromPublished(message);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Ignoring a message on " + channel + " that is not an alert: " + e.getMessage());
                return;
            }
            if (!channel.equals(RedisClients.channel(alert.tenantId()))) {
                LOG.warning(() -> "Ignoring alert " + alert.alertId() + " published on " + channel + " for tenant "
                        + alert.tenantId());
                return;
            }
            order.accept(alert);
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
        JedisPubSub listener = current;
        if (listener != null && listener.isSubscribed()) {
            try {
                listener.punsubscribe();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Unsubscribing failed", e);
            }
        }
    }
}
