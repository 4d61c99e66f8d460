package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.auth.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Decides at start-up whether this server signs its own development tokens: only when no
 * verification key is configured. Then it loads (or creates) the development key shared by every
 * server of the deployment through the database.
 */
@ApplicationScoped
public class DevelopmentKeys {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeys.class.getName());

    @Inject
    Config config;

    @Inject
    SigningKeyStore store;

    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;
    private volatile String keyId;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (config.getOptionalValue(JwtSettings.PUBLIC_KEY, String.class).isPresent()
                || config.getOptionalValue(JwtSettings.PUBLIC_KEY_LOCATION, String.class).isPresent()) {
            LOG.info("A token verification key is configured: development tokens and the demo login are off.");
            return;
        }
        SigningKey key = loadOrCreate();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(base64.decode(key.publicKey())));
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.privateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored development key cannot be read", e);
        }
        keyId = key.keyId();
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

    public boolean active() {
        return privateKey != null;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    String keyId() {
        return keyId;
    }
}
