package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.auth.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Loads the development key, creating it on the first start of the first server. */
@ApplicationScoped
public class SigningKeyStore {

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SigningKey> find(String name) {
        return Optional.ofNullable(em.find(SigningKey.class, name));
    }

    /**
     * Creates the key. When two servers start together one insert loses on the primary key and
     * its transaction fails; the caller then reads the winner's key.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SigningKey create(String name) {
        KeyPair pair = newRsaKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        SigningKey key = new SigningKey(
                name,
                UUID.randomUUID().toString(),
                base64.encodeToString(pair.getPublic().getEncoded()),
                base64.encodeToString(pair.getPrivate().getEncoded()),
                Instant.now());
        em.persist(key);
        return key;
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
