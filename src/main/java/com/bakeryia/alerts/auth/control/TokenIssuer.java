package com.bakeryia.alerts.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signs short-lived RS256 development tokens with the shared development key. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    DevelopmentKeys keys;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "demo.token.minutes", defaultValue = "15")
    int tokenMinutes;

    public record IssuedToken(String token, Instant expiresAt) {}

    public long maxLifetimeSeconds() {
        return tokenMinutes * 60L;
    }

    /** @param lifetimeSeconds at most {@link #maxLifetimeSeconds()} */
    public IssuedToken issue(DemoUsers.DemoUser user, long lifetimeSeconds) {
        Instant now = Instant.now();
        Instant expiresAt = now.plusSeconds(Math.min(lifetimeSeconds, maxLifetimeSeconds()));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.getValue(JwtSettings.ISSUER, String.class));
        claims.setSubject(user.username());
        claims.setClaim("upn", user.username());
        claims.setStringListClaim(Caller.GROUPS_CLAIM, user.groups());
        user.tenants().ifPresent(tenants -> claims.setStringListClaim(Caller.TENANTS_CLAIM, tenants));
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        config.getOptionalValue(JwtSettings.AUDIENCES, String[].class)
                .filter(a -> a.length > 0)
                .ifPresent(claims::setAudience);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new IssuedToken(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }
}
