package it.com.bakeryia.alerts.support;

import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Tokens the server must refuse, signed by a key it has never seen. */
public final class Tokens {

    private Tokens() {
    }

    /** An unsigned token ({@code alg: none}) with every claim a real one would have. */
    public static String unsigned(String issuer) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims(issuer).toJson());
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("mallory");
        claims.setClaim("upn", "mallory");
        claims.setStringListClaim("groups", List.of("alert-publisher"));
        claims.setStringListClaim("tenants", List.of("bakery-centro", "bakery-norte"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        return claims;
    }

    public static String signedByAStranger(String issuer) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            JwtClaims claims = claims(issuer);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
