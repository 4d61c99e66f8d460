package it.com.bakeryia.alerts.support;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An SMTP front that adds STARTTLS (RFC 3207) to a plain GreenMail SMTP port, whose SMTP has no
 * STARTTLS command of its own.
 *
 * <p>Before TLS the front speaks a minimal SMTP itself: it greets, answers EHLO advertising only
 * STARTTLS, and refuses everything but EHLO, HELO, STARTTLS, NOOP and QUIT with 530, so a client
 * that does not upgrade cannot send mail. After STARTTLS and a completed handshake (with GreenMail's
 * bundled self-signed test certificate) it connects to GreenMail, swallows GreenMail's 220 greeting
 * (the client already had the front's) and then only relays bytes, so the client's second EHLO,
 * AUTH and the mail itself are answered by GreenMail. {@link #upgrades()} counts completed
 * handshakes, so a test can assert the mail really went over TLS.
 *
 * <p>Test support only: it listens on the loopback interface and holds the connection threads as
 * daemons, closed by {@link #close()}.
 */
public final class StartTlsSmtpFront implements AutoCloseable {

    /** RFC 5321 caps a command line at 512 octets; a longer one is refused rather than buffered. */
    private static final int MAX_LINE = 1000;

    /** Before TLS only a few short lines are exchanged; a silent client is dropped, not waited on. */
    private static final int PLAIN_PHASE_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket listener;
    private final String greenMailHost;
    private final int greenMailPort;
    private final SSLSocketFactory tls;
    private final AtomicInteger upgrades = new AtomicInteger();
    private final AtomicInteger authentications = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts listening at once.
     *
     * @param listenPort the port to listen on, 0 for one the OS picks (see {@link #port()})
     * @param greenMailHost host of GreenMail's plain SMTP server
     * @param greenMailPort port of GreenMail's plain SMTP server
     */
    public StartTlsSmtpFront(int listenPort, String greenMailHost, int greenMailPort) throws IOException {
        this.greenMailHost = greenMailHost;
        this.greenMailPort = greenMailPort;
        this.tls = greenMailServerTls().getSocketFactory();
        this.listener = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "starttls-front-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the front listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many logins GreenMail accepted (its {@code 235} reply) on upgraded connections. */
    public int authentications() {
        return authentications.get();
    }

    /** How many connections completed the TLS handshake after STARTTLS. */
    public int upgrades() {
        return upgrades.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(StartTlsSmtpFront::closeQuietly);
    }

    /**
     * Server-side TLS with the key pair GreenMail's own SMTPS/IMAPS/POP3S use: its
     * DummySSLServerSocketFactory loads {@code greenmail.p12} from the GreenMail jar (or the file
     * named by {@code greenmail.tls.keystore.file}), so reusing its key store means no keytool run
     * and no key material in this repository. The passwords default to {@code changeit}, and the
     * same system properties override them as in GreenMail.
     */
    private static SSLContext greenMailServerTls() {
        try {
            KeyStore keyStore = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
            String storePassword =
                    System.getProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, "changeit");
            String keyPassword =
                    System.getProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, storePassword);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, keyPassword.toCharArray());
            // No trust managers: the front never asks for a client certificate.
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GreenMail's test key store cannot serve TLS", e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed || listener.isClosed()) {
                    return;
                }
                continue; // one failed accept (the peer reset early) must not stop the front
            }
            open.add(client);
            Thread connection =
                    new Thread(() -> serve(client), "starttls-front-" + port() + "-" + connections.incrementAndGet());
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(PLAIN_PHASE_TIMEOUT_MILLIS);
            SSLSocket secured = negotiate(client);
            if (secured != null) {
                relayToGreenMail(secured);
            }
        } catch (IOException e) {
            // The client went away, failed the handshake or GreenMail is gone: nothing to report
            // but the closed connection, which the client sees.
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    /**
     * The plain-text part of the dialogue, up to and including STARTTLS. Lines are read from the
     * socket's own stream one byte at a time, never through a buffer: anything a client pipelines
     * after STARTTLS must not be taken as a command (RFC 3207 section 4.2, the STARTTLS injection
     * flaw), and here it stays in the socket, where the TLS handshake rejects it.
     *
     * @return the socket after a completed handshake, or null when the client quit or hung up
     */
    private SSLSocket negotiate(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        reply(out, "220 localhost ESMTP StartTlsSmtpFront (GreenMail behind STARTTLS)");
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            String verb = verb(line);
            switch (verb) {
                case "EHLO" -> reply(out, "250-localhost greets you", "250 STARTTLS");
                case "HELO" -> reply(out, "250 localhost");
                case "NOOP" -> reply(out, "250 OK");
                case "QUIT" -> {
                    reply(out, "221 localhost closing");
                    return null;
                }
                case "STARTTLS" -> {
                    reply(out, "220 Ready to start TLS");
                    // Server mode over the accepted socket; null: no bytes were read ahead.
                    SSLSocket secured = (SSLSocket) tls.createSocket(client, null, true);
                    open.add(secured);
                    secured.startHandshake();
                    upgrades.incrementAndGet();
                    return secured;
                }
                default -> reply(out, "530 Must issue a STARTTLS command first");
            }
        }
    }

    /**
     * After TLS the client starts the SMTP session over (RFC 3207 section 4.2: EHLO again), and from
     * here GreenMail answers everything. Its greeting is read and dropped, since the client had its
     * 220 already and does not expect another.
     */
    private void relayToGreenMail(SSLSocket secured) throws IOException {
        try (Socket greenMail = new Socket(greenMailHost, greenMailPort)) {
            open.add(greenMail);
            try {
                String greeting = readLine(greenMail.getInputStream());
                if (greeting == null || !greeting.startsWith("220")) {
                    // Say why in SMTP terms instead of just hanging up on the client.
                    reply(secured.getOutputStream(), "421 GreenMail did not greet: " + greeting);
                    return;
                }
                // The relay is idle between the client's commands for as long as the client likes.
                secured.setSoTimeout(0);
                Thread upstream = new Thread(
                        () -> pipe(secured, greenMail), Thread.currentThread().getName() + "-to-greenmail");
                upstream.setDaemon(true);
                upstream.start();
                answers(greenMail, secured);
            } finally {
                open.remove(greenMail);
                open.remove(secured);
                closeQuietly(secured);
            }
        }
    }

    /**
     * GreenMail's answers to the client, line by line (SMTP replies are lines), counting the
     * {@code 235} that ends a successful AUTH; then closes both, like {@link #pipe}.
     */
    private void answers(Socket greenMail, Socket client) {
        try {
            InputStream in = new java.io.BufferedInputStream(greenMail.getInputStream());
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = readLine(in)) != null) {
                if (line.startsWith("235")) {
                    authentications.incrementAndGet();
                }
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: the finally below ends the other side as well.
        } finally {
            closeQuietly(greenMail);
            closeQuietly(client);
        }
    }

    /** Copies until either side ends, then closes both, which also ends the opposite pipe. */
    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side closed: the finally below ends the other side as well.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The command word, upper case: "EHLO client.example" gives "EHLO". */
    private static String verb(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** One CRLF-ended line, without its ending; null at end of stream. Unbuffered, see negotiate. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("SMTP line longer than " + MAX_LINE + " octets");
            }
            line.write(b);
        }
    }

    private static void reply(OutputStream out, String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing during shutdown or after the peer left; nothing to do.
        }
    }
}
