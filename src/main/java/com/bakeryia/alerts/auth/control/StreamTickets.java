package com.bakeryia.alerts.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived single-use stream tickets: {@code POST /api/events/ticket} exchanges a bearer token
 * for one, {@code GET /api/events?ticket=} spends it, so long-lived tokens stay out of URLs (and
 * out of proxy logs). Kept in the database, so a ticket issued by one server is good on any other;
 * only the ticket's SHA-256 is stored. Spending deletes the row: of two concurrent attempts only
 * the one whose delete removed it wins.
 */
@ApplicationScoped
public class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "alerts")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "streams.ticket.seconds", defaultValue = "30")
    int ticketSeconds;

    public record Ticket(String ticket, Instant expiresAt) {}

    /** A ticket for what this token allows; it expires after {@code streams.ticket.seconds} or with the token. */
    @Transactional
    public Ticket issue(TokenClaims claims) {
        Instant now = Instant.now();
        em.createNativeQuery("DELETE FROM stream_tickets WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(Duration.ofSeconds(ticketSeconds));
        if (claims.expiresAt() != null && claims.expiresAt().isBefore(expiresAt)) {
            expiresAt = claims.expiresAt();
        }
        em.createNativeQuery("INSERT INTO stream_tickets (ticket_hash, user_id, tenants, groups_list,"
                        + " token_expires_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, hash(ticket))
                .setParameter(2, claims.user())
                .setParameter(3, claims.tenants().map(StreamTickets::join).orElse(null))
                .setParameter(4, join(claims.groups()))
                .setParameter(5, claims.expiresAt() == null ? null : Timestamp.from(claims.expiresAt()))
                .setParameter(6, Timestamp.from(expiresAt))
                .executeUpdate();
        return new Ticket(ticket, expiresAt);
    }

    /** @return the claims of the token the ticket was issued for; empty if unknown, used or expired */
    @Transactional
    public Optional<TokenClaims> spend(String ticket) {
        String hash = hash(ticket);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT user_id, tenants, groups_list, token_expires_at,"
                        + " expires_at FROM stream_tickets WHERE ticket_hash = ?1")
                .setParameter(1, hash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int deleted = em.createNativeQuery("DELETE FROM stream_tickets WHERE ticket_hash = ?1")
                .setParameter(1, hash)
                .executeUpdate();
        Object[] row = rows.get(0);
        Instant expiresAt = instant(row[4]);
        if (deleted == 0 || expiresAt == null || !expiresAt.isAfter(Instant.now())) {
            return Optional.empty();
        }
        String tenants = (String) row[1];
        return Optional.of(new TokenClaims(
                (String) row[0],
                tenants == null ? Optional.empty() : Optional.of(split(tenants)),
                split((String) row[2]),
                instant(row[3])));
    }

    private static String join(List<String> values) {
        return Json.createArrayBuilder(values).build().toString();
    }

    private static List<String> split(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : null;
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
