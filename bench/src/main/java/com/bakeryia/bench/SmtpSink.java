package com.bakeryia.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local SMTP server that receives and counts, nothing else: plain SMTP (no TLS, no login),
 * a thread per connection (the application opens one connection per message, at most
 * {@code notifications.in.flight.max} at a time), nothing stored. Each message is recognised by the
 * marker the bench puts in the alert's title, {@code bench-deliveries-<scenario>-<k>}, found in the
 * first body line that has it (after the headers: the text part comes first and is 7-bit ASCII); its receipt time
 * (epoch microseconds, at the end of DATA, before the 250 reply) is kept per index, so a second
 * copy is a duplicate and an index never received is lost. Messages of another scenario (the
 * warm-up) count as foreign; a message sent to another address than the one its alert's tenant
 * configured counts as wrong_recipient.
 */
final class SmtpSink implements AutoCloseable {

    static final String MARKER = "bench-deliveries-";

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;
    private volatile boolean running = true;

    private volatile Expectation expectation = new Expectation(Long.MIN_VALUE, 0, 1, "", "");

    final LongAdder messages = new LongAdder();
    final LongAdder foreign = new LongAdder();
    final LongAdder unmarked = new LongAdder();
    final LongAdder wrongRecipient = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger maxOpenConnections = new AtomicInteger();

    /** What the current scenario sends: receipt times and copies per index. */
    private record Expectation(long scenario, int count, int tenants, String prefix, String domain,
                               AtomicLongArray receivedAt, AtomicIntegerArray copies, LongAdder unique,
                               AtomicLong first, AtomicLong last) {
        Expectation(long scenario, int count, int tenants, String prefix, String domain) {
            this(scenario, count, tenants, prefix, domain, new AtomicLongArray(count), new AtomicIntegerArray(count),
                    new LongAdder(), new AtomicLong(Long.MAX_VALUE), new AtomicLong(0));
        }
    }

    SmtpSink(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Counts alerts 0..count-1 of {@code scenario} from now on; alert k is expected at
     * {@code ops-<tenant of k>@<domain>}. Earlier counts per index are forgotten.
     */
    void expect(long scenario, int count, int tenants, String tenantPrefix, String domain) {
        expectation = new Expectation(scenario, count, tenants, tenantPrefix, domain);
    }

    long unique() {
        return expectation.unique().sum();
    }

    long firstReceiptMicros() {
        long f = expectation.first().get();
        return f == Long.MAX_VALUE ? 0 : f;
    }

    long lastReceiptMicros() {
        return expectation.last().get();
    }

    /** Receipt time of alert k in epoch microseconds (the first copy), 0 if none. */
    long receivedAt(int k) {
        return expectation.receivedAt().get(k);
    }

    /** Copies beyond the first, summed over all indexes. */
    long duplicates() {
        Expectation e = expectation;
        long d = 0;
        for (int k = 0; k < e.count(); k++) {
            d += Math.max(0, e.copies().get(k) - 1);
        }
        return d;
    }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        connections.increment();
        maxOpenConnections.accumulateAndGet(openConnections.incrementAndGet(), Math::max);
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            reply(out, "220 bench.local ESMTP bench sink");
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            String recipient = "";
            while (true) {
                if (!readLine(in, line)) {
                    return;
                }
                String cmd = line.toString(StandardCharsets.ISO_8859_1);
                String verb = (cmd.length() >= 4 ? cmd.substring(0, 4) : cmd).toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-bench.local\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 bench.local");
                    case "MAIL" -> {
                        recipient = "";
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        recipient = address(cmd);
                        reply(out, "250 2.1.5 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        if (!data(in, line, recipient)) {
                            return;
                        }
                        reply(out, "250 2.0.0 OK queued");
                    }
                    case "RSET" -> {
                        recipient = "";
                        reply(out, "250 2.0.0 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK"); // NOOP and anything else
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            openConnections.decrementAndGet();
        }
    }

    /** Reads the message up to the lone dot; false if the connection ended first. */
    private boolean data(InputStream in, ByteArrayOutputStream line, String recipient) throws IOException {
        long scenario = Long.MIN_VALUE;
        long k = -1;
        boolean marked = false;
        boolean body = false; // the headers end at the first empty line (a folded Subject may split the title)
        long size = 0;
        while (true) {
            if (!readLine(in, line)) {
                return false;
            }
            size += line.size() + 2;
            if (line.size() == 1 && line.toByteArray()[0] == '.') {
                break;
            }
            if (line.size() == 0) {
                body = true;
            } else if (body && !marked) {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                int at = text.indexOf(MARKER);
                if (at >= 0) {
                    long[] sk = parseMarker(text, at + MARKER.length());
                    if (sk != null) {
                        marked = true;
                        scenario = sk[0];
                        k = sk[1];
                    }
                }
            }
        }
        long now = Receipts.nowMicros();
        bytes.add(size);
        messages.increment();
        if (!marked) {
            unmarked.increment();
            return true;
        }
        Expectation e = expectation;
        if (scenario != e.scenario() || k < 0 || k >= e.count()) {
            foreign.increment();
            return true;
        }
        int i = (int) k;
        String expected = "ops-" + Bench.tenant(e.prefix(), (int) (k % e.tenants())) + "@" + e.domain();
        if (!expected.equalsIgnoreCase(recipient)) {
            wrongRecipient.increment();
        }
        if (e.copies().getAndIncrement(i) == 0) {
            e.receivedAt().set(i, now);
            e.unique().increment();
            e.first().accumulateAndGet(now, Math::min);
            e.last().accumulateAndGet(now, Math::max);
        }
        return true;
    }

    /** {@code <scenario>-<k>} at {@code from}; null if it is not two numbers. */
    static long[] parseMarker(String text, int from) {
        int i = from;
        long s = 0;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            s = s * 10 + (text.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || i >= text.length() || text.charAt(i) != '-') {
            return null;
        }
        i++;
        long k = 0;
        digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            k = k * 10 + (text.charAt(i++) - '0');
            digits++;
        }
        return digits == 0 ? null : new long[] {s, k};
    }

    /** The address in {@code RCPT TO:<a@b>}, lower-cased. */
    static String address(String cmd) {
        int lt = cmd.indexOf('<');
        int gt = cmd.indexOf('>', lt + 1);
        String a = lt >= 0 && gt > lt ? cmd.substring(lt + 1, gt) : cmd.substring(Math.min(cmd.length(), 8)).strip();
        return a.toLowerCase(java.util.Locale.ROOT);
    }

    /** One line without its CRLF (or bare LF) into {@code line}; false at the end of the stream. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return true;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.size() > 0;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
