package it.com.bakeryia.alerts.support;

import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Tokens for tests: ones the server must refuse (unsigned, signed by a stranger, wrong issuer), and
 * HS256 tokens signed with the test servers' shared secret ({@code it.hs256.secret}) for any user,
 * tenants and groups.
 */
public final class Tokens {

    /** The issuer the test servers expect (the default of mp.jwt.verify.issuer). */
    public static final String ISSUER = "bakery-ia-alerts";

    private static final String SECRET = System.getProperty("it.hs256.secret", "");

    private Tokens() {}

    /** An HS256 token the test servers accept; {@code tenants} null leaves the claim out. */
    public static String hs256(String user, List<String> tenants, List<String> groups) {
        return hs256(ISSUER, user, tenants, groups, 600);
    }

    public static String hs256(String issuer, String user, List<String> tenants, List<String> groups, long ttlSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", groups);
        if (tenants != null) {
            claims.setStringListClaim("tenants", tenants);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTime(
                org.jose4j.jwt.NumericDate.fromSeconds(java.time.Instant.now().getEpochSecond() + ttlSeconds));
        return hs256(claims);
    }

    /** A token for a user of these tenants, valid for ten minutes. */
    public static String user(String user, String... tenants) {
        return hs256(user, List.of(tenants), List.of("user"));
    }

    /** Signed with the trusted secret, but naming another issuer: the server must refuse it. */
    public static String wrongIssuer() {
        return hs256("https://issuer.elsewhere.example", "mallory", List.of("bakery-centro"), List.of("user"), 600);
    }

    /** Signed with the trusted secret, but expired a minute ago. */
    public static String expired() {
        return hs256(ISSUER, "mallory", List.of("bakery-centro"), List.of("user"), -60);
    }

    private static String hs256(JwtClaims claims) {
        if (SECRET.isEmpty()) {
            throw new IllegalStateException("it.hs256.secret is not set");
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(new org.jose4j.keys.HmacKey(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
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
