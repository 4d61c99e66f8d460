package com.bakeryia.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTest {

    @Test
    void signsAnRs256TokenWithTheClaimsTheApplicationReads(@TempDir Path dir) throws Exception {
        Jwt.generate(dir);
        String token = Jwt.token(Jwt.readPrivate(dir), "https://bench.local", "bench-user-3",
                List.of("bench-t003"), List.of("bench"), 1_800_000_000L, 600);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve(Jwt.PUBLIC_FILE)).strip());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(key);
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])));

        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.path("alg").asText());
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("https://bench.local", claims.path("iss").asText());
        assertEquals("bench-user-3", claims.path("upn").asText());
        assertEquals("bench-t003", claims.path("tenants").get(0).asText());
        assertEquals("bench", claims.path("groups").get(0).asText());
        assertEquals(1_800_000_600L, claims.path("exp").asLong());
        assertTrue(Files.readString(dir.resolve(Jwt.PUBLIC_PEM)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    }
}
