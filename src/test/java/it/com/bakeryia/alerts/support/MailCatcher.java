package it.com.bakeryia.alerts.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the test servers send to: GreenMail, which requires the test servers' own
 * credentials ({@code it.smtp.user}/{@code it.smtp.password}), behind a STARTTLS front on the port the
 * servers are configured with ({@code it.smtp.port}). Started and stopped by each test class that
 * counts mail; while it is stopped the servers' email deliveries fail and are retried.
 */
public final class MailCatcher implements AutoCloseable {

    public static final int PORT = Integer.getInteger("it.smtp.port", 19025);
    public static final String USER = System.getProperty("it.smtp.user", "alerts-it");
    public static final String PASSWORD = System.getProperty("it.smtp.password", "");

    private final GreenMail greenMail;
    private final StartTlsSmtpFront front;

    private MailCatcher() throws IOException {
        greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@bakery-ia.test", USER, PASSWORD));
        greenMail.start();
        front = new StartTlsSmtpFront(PORT, "127.0.0.1", greenMail.getSmtp().getPort());
    }

    public static MailCatcher start() {
        try {
            return new MailCatcher();
        } catch (IOException e) {
            throw new UncheckedIOException("The test SMTP server could not start on port " + PORT, e);
        }
    }

    /** The messages received so far for this recipient (every test uses recipients of its own). */
    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public int received() {
        return greenMail.getReceivedMessages().length;
    }

    /** Logins the SMTP server accepted so far (over upgraded connections). */
    public int authentications() {
        return front.authentications();
    }

    /** Connections upgraded with STARTTLS so far. */
    public int upgrades() {
        return front.upgrades();
    }

    @Override
    public void close() {
        front.close();
        greenMail.stop();
    }
}
