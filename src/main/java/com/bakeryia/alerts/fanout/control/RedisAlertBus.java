package com.bakeryia.alerts.fanout.control;

import com.bakeryia.alerts.store.entity.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import redis.clients.jedis.Pipeline;

/**
 * The cross-server fan-out: alerts go out on Redis {@code alerts:<tenant>}, pipelined; every
 * server's {@code RedisSubscriber} hands them to its streams.
 */
@ApplicationScoped
@Typed(RedisAlertBus.class)
public class RedisAlertBus implements AlertBus {

    @Inject
    RedisClients redis;

    @Override
    public void publish(List<PublishedAlert> alerts) {
        try (Pipeline pipeline = redis.pool().pipelined()) {
            for (PublishedAlert alert : alerts) {
                pipeline.publish(RedisClients.channel(alert.tenantId()), alert.json());
            }
            pipeline.sync();
        }
    }

    @Override
    public String where() {
        return "Redis at " + redis.where();
    }
}
