package com.bakeryia.alerts.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.notifications.entity.Channel;
import com.bakeryia.alerts.store.entity.Severity;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.com.bakeryia.alerts.support.StartTlsSmtpFront;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MailSender} against a real SMTP server (GreenMail) in each TLS mode: STARTTLS (required,
 * through {@link StartTlsSmtpFront}, since GreenMail's SMTP has no STARTTLS of its own) with
 * authentication, implicit TLS, and none.
 */
class MailSenderTest {

    static final String USER = "alerts";
    static final String PASSWORD = "smtp-test-password";
    static final String HOST = "127.0.0.1";
    static final String DASHBOARD = "https://alerts.bakery.example/";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@bakery.example", USER, PASSWORD))
            .withPerMethodLifecycle(true);

    StartTlsSmtpFront front;

    @BeforeEach
    void startFront() throws IOException {
        front = new StartTlsSmtpFront(0, HOST, greenMail.getSmtp().getPort());
    }

    @AfterEach
    void stopFront() {
        front.close();
    }

    static MailSettings settings(int port, String tls, String password) {
        return new MailSettings(
                Optional.of(HOST),
                port,
                Optional.of(USER),
                Optional.of(password),
                tls,
                Optional.of(HOST),
                "alerts@bakery.example",
                DASHBOARD,
                10_000,
                Optional.empty());
    }

    static DeliveryJob job(long id, String recipient, int suppressedBefore) {
        return new DeliveryJob(
                id,
                Channel.EMAIL,
                recipient,
                "bakery-centro",
                "alert-" + id,
                Severity.URGENT,
                "Oven 3 failed",
                "Temperature dropped below 150 °C during batch 42.",
                suppressedBefore,
                1,
                Instant.now());
    }

    @Test
    void sendsWithStartTlsAndAuthenticationBothPartsAndTheLink() throws Exception {
        new MailSender(settings(front.port(), "starttls", PASSWORD)).send(job(7, "ops@bakery.example", 3));

        assertEquals(1, front.upgrades(), "the connection was upgraded with STARTTLS before anything else");
        assertEquals(1, front.authentications(), "and the login was accepted over it");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("[URGENT] Oven 3 failed — bakery-centro", mail.getSubject());
        assertEquals("ops@bakery.example", mail.getAllRecipients()[0].toString());
        assertEquals("alerts@bakery.example", mail.getFrom()[0].toString());
        assertEquals("<delivery-7.alert-7@bakery.example>", mail.getMessageID());

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        String plain = (String) text.getContent();
        assertTrue(plain.contains("URGENT alert for bakery-centro"), plain);
        assertTrue(plain.contains("Temperature dropped below 150 °C"), plain);
        assertTrue(plain.contains("3 similar alerts were suppressed"), plain);
        assertTrue(plain.contains(DASHBOARD + "?alert=alert-7"), plain);
        String markup = (String) html.getContent();
        assertTrue(markup.contains("<a href=\"" + DASHBOARD + "?alert=alert-7\">"), markup);
        assertTrue(markup.contains("Oven 3 failed"), markup);
    }

    @Test
    void aRetriedSendCarriesTheSameMessageId() throws Exception {
        MailSender sender = new MailSender(settings(front.port(), "starttls", PASSWORD));
        sender.send(job(8, "ops@bakery.example", 0));
        sender.send(job(8, "ops@bakery.example", 0));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals(received[0].getMessageID(), received[1].getMessageID());
    }

    @Test
    void aRefusedLoginIsWorthAnotherTryAndSendsNothing() {
        DeliveryFailure failure = assertThrows(
                DeliveryFailure.class,
                () -> new MailSender(settings(front.port(), "starttls", "wrong-password"))
                        .send(job(9, "ops@bakery.example", 0)));
        assertFalse(failure.permanent(), failure.getMessage());
        assertEquals(0, front.authentications(), "the server refused the login");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aServerThatDoesNotOfferStartTlsGetsNothingNotEvenThePassword() {
        // GreenMail's plain port offers no STARTTLS: required STARTTLS refuses to go on in the clear.
        DeliveryFailure failure = assertThrows(
                DeliveryFailure.class,
                () -> new MailSender(settings(greenMail.getSmtp().getPort(), "starttls", PASSWORD))
                        .send(job(10, "ops@bakery.example", 0)));
        assertTrue(failure.getMessage().contains("STARTTLS"), failure.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void sendsOverImplicitTls() throws Exception {
        new MailSender(settings(greenMail.getSmtps().getPort(), "tls", PASSWORD))
                .send(job(11, "ops@bakery.example", 0));
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertTrue(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]).contains("Oven 3 failed"));
    }

    @Test
    void sendsWithoutTlsWhenToldTo() throws Exception {
        new MailSender(settings(greenMail.getSmtp().getPort(), "none", PASSWORD))
                .send(job(12, "ops@bakery.example", 0));
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsWorthAnotherTry() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DeliveryFailure failure = assertThrows(
                DeliveryFailure.class,
                () -> new MailSender(settings(closed, "starttls", PASSWORD)).send(job(13, "ops@bakery.example", 0)));
        assertFalse(failure.permanent());
    }

    @Test
    void aMalformedRecipientFailsForGood() {
        DeliveryFailure failure = assertThrows(
                DeliveryFailure.class,
                () -> new MailSender(settings(front.port(), "starttls", PASSWORD)).send(job(14, "not an address", 0)));
        assertTrue(failure.permanent());
    }
}
