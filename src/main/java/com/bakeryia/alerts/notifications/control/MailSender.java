package com.bakeryia.alerts.notifications.control;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one delivery's email over SMTP with Jakarta Mail (Liberty's {@code mail-2.1}), and says
 * whether a failure is worth another try: a recipient the server refuses is not; a server that is
 * down, slow or refuses the login (it may be fixed) is.
 */
public final class MailSender {

    private final MailSettings settings;
    private final Session session;

    public MailSender(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(
                settings.sessionProperties(),
                settings.user().isPresent()
                        ? new jakarta.mail.Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(
                                        settings.user().get(),
                                        settings.password().orElse(""));
                            }
                        }
                        : null);
    }

    public void send(DeliveryJob job) throws DeliveryFailure {
        MimeMessage message;
        try {
            message = EmailMessages.build(session, job, settings);
        } catch (AddressException e) {
            throw DeliveryFailure.permanent("Not an email address: " + e.getMessage());
        } catch (MessagingException e) {
            throw DeliveryFailure.permanent("The message could not be built: " + e.getMessage());
        }
        try {
            Transport.send(message);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw DeliveryFailure.permanent("The SMTP server refused the recipient: " + e.getMessage());
            }
            throw DeliveryFailure.retry("SMTP send failed: " + e.getMessage(), e);
        } catch (AuthenticationFailedException e) {
            throw DeliveryFailure.retry("The SMTP server refused the login (SMTP_USER/SMTP_PASSWORD)", e);
        } catch (MessagingException e) {
            throw DeliveryFailure.retry("SMTP unreachable or failed: " + describe(e), e);
        }
    }

    private static String describe(MessagingException e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() : e.getMessage() + " (" + cause + ")";
    }
}
