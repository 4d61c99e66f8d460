package com.bakeryia.alerts.auth.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code mp.jwt.verify.publickey} from the development key, at the lowest priority and
 * only once {@link DevelopmentKeys} has decided that no key is configured; so MicroProfile JWT and
 * the query-token verifier check development tokens exactly as they would check real ones.
 */
public class DevelopmentKeyConfigSource implements ConfigSource {

    private static volatile String publicKeyPem;

    static void publish(String pem) {
        publicKeyPem = pem;
    }

    @Override
    public Set<String> getPropertyNames() {
        return publicKeyPem == null ? Set.of() : Set.of(JwtSettings.PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String pem = publicKeyPem;
        return pem == null ? Map.of() : Map.of(JwtSettings.PUBLIC_KEY, pem);
    }

    @Override
    public String getValue(String propertyName) {
        return JwtSettings.PUBLIC_KEY.equals(propertyName) ? publicKeyPem : null;
    }

    @Override
    public String getName() {
        return "bakery-alerts development signing key";
    }

    @Override
    public int getOrdinal() {
        return 10;
    }
}
