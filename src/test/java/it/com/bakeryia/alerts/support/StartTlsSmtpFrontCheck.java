package it.com.bakeryia.alerts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves {@link StartTlsSmtpFront} and the Angus Mail client settings the mail integration tests
 * rely on. Named *Check so that neither surefire (*Test) nor failsafe (*IT) picks it up by
 * default; run it with {@code ./mvnw -o -q -DskipITs test -Dtest=StartTlsSmtpFrontCheck}.
 */
class StartTlsSmtpFrontCheck {

    private static final String USER = "alerts";
    private static final String PASSWORD = "s3cret";
    private static final String MAILBOX = "alerts@bakery.test";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, USER, PASSWORD))
            .withPerMethodLifecycle(true);

    private StartTlsSmtpFront front;

    @BeforeEach
    void startFront() throws IOException {
        front = new StartTlsSmtpFront(0, "127.0.0.1", greenMail.getSmtp().getPort());
    }

    @AfterEach
    void stopFront() {
        front.close();
    }

    @Test
    void sendsWithStartTlsRequiredAndAuth() throws MessagingException {
        send(startTlsSession(), PASSWORD);

        assertEquals(1, front.upgrades());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Oven 3 is cold", received[0].getSubject());
    }

    @Test
    void wrongPasswordIsRefusedAfterTheUpgrade() {
        assertThrows(AuthenticationFailedException.class, () -> send(startTlsSession(), "wrong"));

        assertEquals(1, front.upgrades());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void clientWithoutStartTlsCannotSend() {
        Properties props = startTlsProperties();
        props.setProperty("mail.smtp.starttls.enable", "false");
        props.setProperty("mail.smtp.starttls.required", "false");

        MessagingException refused = assertThrows(MessagingException.class, () -> send(session(props), PASSWORD));

        assertTrue(String.valueOf(refused.getMessage()).contains("530"), refused::toString);
        assertEquals(0, front.upgrades());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    /**
     * GreenMail checks a password only when the client sends AUTH; it never demands AUTH before
     * MAIL FROM, so it cannot prove on its own that a client authenticates. The refused wrong
     * password above is what proves that.
     */
    @Test
    void greenMailDoesNotRequireAuth() throws MessagingException {
        Properties props = startTlsProperties();
        props.setProperty("mail.smtp.auth", "false");
        MimeMessage message = message(session(props));

        Transport.send(message);

        assertEquals(1, front.upgrades());
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    /** STARTTLS required, but the front does not offer it: the client must stop, not fall back. */
    @Test
    void startTlsRequiredFailsWhenNotOffered() {
        Properties props = startTlsProperties();
        props.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));

        MessagingException refused = assertThrows(MessagingException.class, () -> send(session(props), PASSWORD));

        assertTrue(
                refused.getMessage().contains("STARTTLS is required but host does not support STARTTLS"),
                refused::toString);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    /** ssl.trust names the host the certificate is accepted from; any other host fails the handshake. */
    @Test
    void certificateIsNotTrustedForAnotherHost() {
        Properties props = startTlsProperties();
        props.setProperty("mail.smtp.ssl.trust", "mail.bakery.test");

        MessagingException refused = assertThrows(MessagingException.class, () -> send(session(props), PASSWORD));

        assertTrue(messages(refused).contains("Server is not trusted: localhost"), refused::toString);
        // No assertion on upgrades(): the handshake itself succeeds and the client hangs up just
        // after it, so whether the front counted it is a race.
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    /**
     * Angus Mail 2 checks the server identity by default (Jakarta/JavaMail 1.x did not), and
     * GreenMail's certificate names no host, so checkserveridentity=false is needed. The handshake
     * itself completes before the client's check, hence one upgrade.
     */
    @Test
    void serverIdentityCheckIsOnByDefault() {
        Properties props = startTlsProperties();
        props.remove("mail.smtp.ssl.checkserveridentity");

        MessagingException refused = assertThrows(MessagingException.class, () -> send(session(props), PASSWORD));

        assertTrue(causedBy(refused, SSLHandshakeException.class), refused::toString);
        assertTrue(messages(refused).contains("No name matching localhost"), refused::toString);
        assertEquals(0, front.upgrades());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    /** Implicit TLS (SMTPS) straight to GreenMail: ssl.enable instead of starttls.*. */
    @Test
    void sendsWithImplicitTlsToGreenMailSmtps() throws MessagingException {
        Properties props = baseProperties(greenMail.getSmtps().getPort());
        props.setProperty("mail.smtp.ssl.enable", "true");

        send(session(props), PASSWORD);
        assertThrows(AuthenticationFailedException.class, () -> send(session(props), "wrong"));

        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    /** What the application's mail session needs against the front. */
    private Properties startTlsProperties() {
        Properties props = baseProperties(front.port());
        props.setProperty("mail.smtp.starttls.enable", "true");
        props.setProperty("mail.smtp.starttls.required", "true");
        return props;
    }

    private static Properties baseProperties(int port) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "localhost");
        props.setProperty("mail.smtp.port", String.valueOf(port));
        props.setProperty("mail.smtp.auth", "true");
        // Trust whatever certificate "localhost" presents (GreenMail's self-signed one), and only there.
        props.setProperty("mail.smtp.ssl.trust", "localhost");
        // GreenMail's certificate has no host name (CN=GreenMail selfsigned Test Certificate, no SAN).
        props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "10000");
        return props;
    }

    private Session startTlsSession() {
        return session(startTlsProperties());
    }

    private static Session session(Properties props) {
        return Session.getInstance(props);
    }

    private static void send(Session session, String password) throws MessagingException {
        Transport.send(message(session), USER, password);
    }

    private static MimeMessage message(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@bakery.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject("Oven 3 is cold");
        message.setText("Below 180 °C for 10 minutes.");
        return message;
    }

    private static String messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" / ", messages);
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
