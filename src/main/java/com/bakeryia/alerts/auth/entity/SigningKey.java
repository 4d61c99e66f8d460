package com.bakeryia.alerts.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The development signing key, created at first start when no verification key is configured and
 * kept in the database, so every server of a deployment signs and accepts the same demo tokens.
 * Never committed, never logged.
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    public static final String DEVELOPMENT = "development";

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    /** X.509 SubjectPublicKeyInfo, Base64. */
    @Lob
    @Column(name = "public_key", nullable = false)
    private String publicKey;

    /** PKCS#8, Base64. */
    @Lob
    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {}

    public SigningKey(String name, String keyId, String publicKey, String privateKey, Instant createdAt) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = createdAt;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKey() {
        return publicKey;
    }

    public String privateKey() {
        return privateKey;
    }
}
