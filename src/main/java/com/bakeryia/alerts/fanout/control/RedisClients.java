package com.bakeryia.alerts.fanout.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/** Connections to the configured Redis: a pool for publishing, single connections for subscribing. */
@ApplicationScoped
public class RedisClients {

    public static final String CHANNEL_PREFIX = "alerts:";
    public static final String CHANNEL_PATTERN = CHANNEL_PREFIX + "*";
    /** Carries the id of a user whose tenant memberships changed, so every server drops its cached copy. */
    public static final String MEMBERSHIPS_CHANNEL = "memberships:changed";

    @Inject
    FanOutSettings settings;

    private JedisPooled pool;

    public static String channel(String tenantId) {
        return CHANNEL_PREFIX + tenantId;
    }

    URI uri() {
        return settings.redis().orElseThrow(() -> new IllegalStateException("REDIS_URL is not set"));
    }

    /** Where Redis is, without any password, for logs. */
    public String where() {
        URI uri = uri();
        return uri.getHost() + ":" + uri.getPort();
    }

    synchronized JedisPooled pool() {
        if (pool == null) {
            pool = new JedisPooled(uri());
        }
        return pool;
    }

    public Jedis subscriberConnection() {
        return new Jedis(uri());
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
