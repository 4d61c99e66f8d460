package com.bakeryia.alerts.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MicroProfile JWT view of a verified token, and that it never prints the token. */
class VerifiedTokenTest {

    static final String RAW = "eyJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJjYXJvbCJ9.c2lnbmF0dXJlLW5vdC1mb3ItbG9ncw";

    @Test
    void answersTheStandardClaimsFromTheVerifiedOnes() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("upn", "carol");
        all.put("sub", "carol-id");
        all.put("groups", List.of("user", "alerts-admin"));
        all.put("tenants", List.of("bakery-centro"));
        all.put("aud", "dashboard");
        all.put("iat", 1_700_000_000L);
        all.put("exp", 1_700_000_900L);
        TokenClaims claims = new TokenClaims(
                "carol",
                Optional.of(List.of("bakery-centro")),
                List.of("user", "alerts-admin"),
                Instant.ofEpochSecond(1_700_000_900L),
                all);
        VerifiedToken token = new VerifiedToken(claims, RAW);

        assertEquals("carol", token.getName());
        assertEquals(Set.of("user", "alerts-admin"), token.getGroups());
        assertEquals(Set.of("user", "alerts-admin"), token.getClaim("groups"));
        assertEquals(Set.of("dashboard"), token.getAudience());
        assertEquals("carol-id", token.getSubject());
        assertEquals(List.of("bakery-centro"), token.getClaim("tenants"));
        assertEquals(1_700_000_900L, token.getExpirationTime());
        assertEquals(1_700_000_000L, token.getIssuedAtTime());
        assertEquals(RAW, token.getRawToken());
        assertTrue(token.getClaimNames().containsAll(Set.of("upn", "groups", "tenants", "exp", "raw_token")));
        assertFalse(token.toString().contains(RAW.substring(RAW.lastIndexOf('.') + 1)), token.toString());
        assertFalse(new Callers.Authentication(claims, RAW).toString().contains("c2lnbmF0dXJl"));
    }

    @Test
    void aTicketsTokenHasTheClaimsTheTicketKeptAndNoCompactForm() {
        TokenClaims fromTicket =
                new TokenClaims("dave", Optional.empty(), List.of("user"), Instant.ofEpochSecond(1_700_000_900L));
        VerifiedToken token = new VerifiedToken(fromTicket, null);
        assertEquals("dave", token.getName());
        assertEquals(Set.of("user"), token.getGroups());
        assertNull(token.getRawToken());
        assertFalse(token.getClaimNames().contains("tenants"));
        assertEquals(1_700_000_900L, token.getExpirationTime());
    }

    @Test
    void withoutATokenNameAndClaimsAreNull() {
        assertNull(VerifiedToken.ANONYMOUS.getName());
        assertNull(VerifiedToken.ANONYMOUS.getRawToken());
        assertTrue(VerifiedToken.ANONYMOUS.getGroups().isEmpty());
        assertTrue(VerifiedToken.ANONYMOUS.getClaimNames().isEmpty());
        assertEquals(0, VerifiedToken.ANONYMOUS.getExpirationTime());
    }
}
