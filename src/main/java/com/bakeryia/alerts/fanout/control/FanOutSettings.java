package com.bakeryia.alerts.fanout.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which fan-out this server uses: in-process when {@code REDIS_URL} is unset (a single server),
 * Redis pub/sub ({@code redis://[:password@]host:port[/db]}) across servers otherwise.
 */
@ApplicationScoped
public class FanOutSettings {

    @Inject
    @ConfigProperty(name = "redis.url")
    Optional<String> redisUrl;

    @Inject
    Instance<LocalAlertBus> local;

    @Inject
    Instance<RedisAlertBus> redis;

    public Optional<URI> redis() {
        return redisUrl.filter(u -> !u.isBlank()).map(URI::create);
    }

    @Produces
    AlertBus bus() {
        return redis().isPresent() ? redis.get() : local.get();
    }
}
