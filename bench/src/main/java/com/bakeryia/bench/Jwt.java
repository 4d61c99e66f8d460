package com.bakeryia.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bench's own RS256 key pair and the tokens it signs with it. The server verifies them with
 * {@code MP_JWT_VERIFY_PUBLICKEY} (the public key's base64 DER on one line, which the application
 * wraps in PEM armour itself) and {@code MP_JWT_VERIFY_ISSUER}.
 */
final class Jwt {

    static final String PRIVATE_FILE = "bench-private.b64";
    static final String PUBLIC_FILE = "bench-public.b64";
    static final String PUBLIC_PEM = "bench-public.pem";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {
    }

    /** Writes a fresh 2048-bit RSA key pair into {@code dir}. */
    static void generate(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        String publicB64 = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Files.writeString(dir.resolve(PRIVATE_FILE),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        Files.writeString(dir.resolve(PUBLIC_FILE), publicB64 + "\n");
        Files.writeString(dir.resolve(PUBLIC_PEM), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    static PrivateKey readPrivate(Path dir) throws Exception {
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve(PRIVATE_FILE)).strip());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /**
     * A token in the MicroProfile JWT shape the application reads: the user in {@code upn} and
     * {@code sub}, roles in {@code groups}, the tenants it may stream in {@code tenants}.
     */
    static String token(PrivateKey key, String issuer, String user, List<String> tenants, List<String> groups,
                        long issuedAtEpochSeconds, long ttlSeconds) throws GeneralSecurityException {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + quote(issuer)
                + ",\"sub\":" + quote(user)
                + ",\"upn\":" + quote(user)
                + ",\"groups\":" + array(groups)
                + ",\"tenants\":" + array(tenants)
                + ",\"iat\":" + issuedAtEpochSeconds
                + ",\"exp\":" + (issuedAtEpochSeconds + ttlSeconds)
                + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signature.sign());
    }

    private static String array(List<String> values) {
        return values.stream().map(Jwt::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /** Bench names are plain ASCII; anything else is refused rather than escaped. */
    static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("Unsupported character in " + s);
            }
        }
        return "\"" + s + "\"";
    }
}
