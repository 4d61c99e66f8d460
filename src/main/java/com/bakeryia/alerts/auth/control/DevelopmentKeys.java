package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.auth.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Decides at start-up whether this server signs its own development tokens: only when no
 * verification key is configured. Then it loads (or creates) the shared development key and
 * publishes its public half through {@link DevelopmentKeyConfigSource}.
 */
@ApplicationScoped
public class DevelopmentKeys {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeys.class.getName());

    @Inject
    Config config;

    @Inject
    SigningKeyStore store;

    private volatile PrivateKey privateKey;
    private volatile String keyId;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (config.getOptionalValue(JwtSettings.PUBLIC_KEY, String.class).isPresent()
                || config.getOptionalValue(JwtSettings.PUBLIC_KEY_LOCATION, String.class).isPresent()) {
            LOG.info("A token verification key is configured: development tokens and the demo login are off.");
            return;
        }
        SigningKey key = loadOrCreate();
        try {
            privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The stored development key cannot be read", e);
        }
        keyId = key.keyId();
        DevelopmentKeyConfigSource.publish(pem(key.publicKey()));
        LOG.info(() -> "No token verification key is configured: this server signs development tokens "
                + "(key id " + keyId + ") and the demo login is on.");
    }

    private SigningKey loadOrCreate() {
        return store.find(SigningKey.DEVELOPMENT).orElseGet(() -> {
            try {
                return store.create(SigningKey.DEVELOPMENT);
            } catch (RuntimeException lostRace) {
                return store.find(SigningKey.DEVELOPMENT).orElseThrow(() -> lostRace);
            }
        });
    }

    private static String pem(String base64) {
        StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END PUBLIC KEY-----\n").toString();
    }

    public boolean active() {
        return privateKey != null;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    String keyId() {
        return keyId;
    }
}
