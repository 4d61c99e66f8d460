package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.platform.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies bearer tokens with the standard MicroProfile JWT settings ({@link JwtSettings}): RS256
 * with the configured key (PEM, JWK, JWKS, a file or a JWKS URL) or else the development key, and
 * — only when {@code jwt.hs256.secret} is set — HS256 with that shared secret; issuer, optional
 * audiences, a required expiry and a bounded clock skew. Every place that accepts a token (header,
 * cookie, query, ticket request) goes through this one verifier. Tokens and the reasons they fail
 * are never logged: a rejected token may still be someone's credential.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;

    @Inject
    Config config;

    @Inject
    DevelopmentKeys developmentKeys;

    private volatile JwtConsumer consumer;

    /** An HS256 secret shorter than this (in bytes) is refused: RFC 7518 asks for at least the hash size. */
    static final int MIN_SECRET_BYTES = 32;

    public TokenClaims verify(String token) {
        JwtClaims claims;
        try {
            claims = consumer().processToClaims(token);
        } catch (InvalidJwtException e) {
            if (e.hasExpired()) {
                throw ApiProblem.unauthorized("token_expired", "The token has expired; sign in again.");
            }
            throw ApiProblem.unauthorized("invalid_token", "The token is not valid for this server.");
        }
        return claims(claims);
    }

    static TokenClaims claims(JwtClaims claims) {
        try {
            String user = claims.getClaimValueAsString("upn");
            if (user == null) {
                user = claims.getClaimValueAsString("preferred_username");
            }
            if (user == null) {
                user = claims.getSubject();
            }
            if (user == null) {
                throw ApiProblem.unauthorized(
                        "invalid_token", "The token names no user (upn, preferred_username or sub).");
            }
            Object tenants = claims.getClaimValue(Caller.TENANTS_CLAIM);
            return new TokenClaims(
                    user,
                    tenants == null ? Optional.empty() : Optional.of(Caller.strings(tenants)),
                    Caller.strings(claims.getClaimValue(Caller.GROUPS_CLAIM)),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    claims.getClaimsMap());
        } catch (MalformedClaimException e) {
            throw ApiProblem.unauthorized("invalid_token", "The token has a malformed claim.");
        }
    }

    private JwtConsumer consumer() {
        JwtConsumer current = consumer;
        if (current == null) {
            synchronized (this) {
                if (consumer == null) {
                    consumer = build();
                }
                current = consumer;
            }
        }
        return current;
    }

    private JwtConsumer build() {
        String issuer = config.getOptionalValue(JwtSettings.ISSUER, String.class)
                .orElseThrow(() -> new IllegalStateException(JwtSettings.ISSUER + " is not configured"));
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(config.getOptionalValue(JwtSettings.CLOCK_SKEW, Integer.class)
                        .orElse(DEFAULT_CLOCK_SKEW_SECONDS))
                .setExpectedIssuer(issuer);
        Optional<String[]> audiences = config.getOptionalValue(JwtSettings.AUDIENCES, String[].class);
        if (audiences.isPresent() && audiences.get().length > 0) {
            builder.setExpectedAudience(audiences.get());
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        VerificationKeyResolver rsa = rsaKeys();
        Optional<String> secret =
                config.getOptionalValue(JwtSettings.HS256_SECRET, String.class).filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            builder.setJwsAlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);
            builder.setVerificationKeyResolver(rsa);
        } else {
            byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException(
                        JwtSettings.HS256_SECRET + " must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            HmacKey hmac = new HmacKey(bytes);
            builder.setJwsAlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    AlgorithmIdentifiers.HMAC_SHA256);
            // The secret verifies HS256 only, the RSA keys RS256 only: no algorithm confusion.
            builder.setVerificationKeyResolver(
                    (jws, nesting) -> AlgorithmIdentifiers.HMAC_SHA256.equals(jws.getAlgorithmHeaderValue())
                            ? hmac
                            : rsa.resolveKey(jws, nesting));
        }
        LOG.fine(
                "Token verifier ready for issuer " + issuer + (secret.isPresent() ? " (RS256 and HS256)" : " (RS256)"));
        return builder.build();
    }

    private VerificationKeyResolver rsaKeys() {
        Optional<String> key = config.getOptionalValue(JwtSettings.PUBLIC_KEY, String.class);
        Optional<String> location = config.getOptionalValue(JwtSettings.PUBLIC_KEY_LOCATION, String.class);
        try {
            if (developmentKeys.active()) {
                PublicKey publicKey = developmentKeys.publicKey();
                return (jws, nesting) -> publicKey;
            } else if (key.isPresent()) {
                return keysFromText(key.get());
            } else if (location.isPresent()) {
                String where = location.get().strip();
                if (where.startsWith("https://") || where.startsWith("http://")) {
                    return new HttpsJwksVerificationKeyResolver(new HttpsJwks(where));
                }
                return keysFromText(read(where));
            }
            // No key and no demo login (DevelopmentKeys said so at start-up): no RS256 token is
            // accepted; each one gets 401 invalid_token rather than a server error.
            return (jws, nesting) -> {
                throw new UnresolvableKeyException("No RS256 verification key is configured");
            };
        } catch (JoseException | java.security.spec.InvalidKeySpecException | IOException e) {
            throw new IllegalStateException("The configured token verification key cannot be read", e);
        }
    }

    private static VerificationKeyResolver keysFromText(String text)
            throws JoseException, java.security.spec.InvalidKeySpecException {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            List<JsonWebKey> keys = trimmed.contains("\"keys\"")
                    ? new JsonWebKeySet(trimmed).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(trimmed));
            return new JwksVerificationKeyResolver(keys);
        }
        String pem = trimmed.startsWith("-----BEGIN")
                ? trimmed
                : "-----BEGIN PUBLIC KEY-----\n" + trimmed + "\n-----END PUBLIC KEY-----";
        PublicKey publicKey = new RsaKeyUtil().fromPemEncoded(pem);
        return (jws, nesting) -> publicKey;
    }

    private static String read(String location) throws IOException {
        if (location.startsWith("file:")) {
            return Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
        }
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No key at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
