package com.bakeryia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The SMTP sink alone: C client threads send M messages to it the way the application does (a
 * connection per message: greeting, EHLO, MAIL, RCPT, DATA with a multipart message of the
 * application's size, QUIT), so a deliveries result shows how far the sink is from being the
 * bottleneck.
 */
final class SmtpLoad {

    private SmtpLoad() {
    }

    static Map<String, Object> run(int messages, int connections) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        long scenario = 1;
        try (SmtpSink sink = new SmtpSink(0)) {
            sink.expect(scenario, messages, 10, "bench-t", "bench.local");
            AtomicLong next = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            Histogram[] perThread = new Histogram[connections];
            List<Thread> threads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                Histogram h = new Histogram(60_000_000L, 3);
                perThread[c] = h;
                Thread t = new Thread(() -> {
                    long k;
                    while ((k = next.getAndIncrement()) < messages) {
                        long s = System.nanoTime();
                        try {
                            send(sink.port(), scenario, k, "ops-" + Bench.tenant("bench-t", (int) (k % 10))
                                    + "@bench.local");
                            h.recordValue(Math.min((System.nanoTime() - s) / 1000, 60_000_000L));
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        }
                    }
                }, "smtp-load-" + c);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Histogram all = new Histogram(60_000_000L, 3);
            for (Histogram h : perThread) {
                all.add(h);
            }
            m.put("messages", messages);
            m.put("client_connections", connections);
            m.put("received_unique", sink.unique());
            m.put("failed", failures.get());
            m.put("seconds", Scenarios.round2(seconds));
            m.put("per_second", Scenarios.round1(sink.unique() / seconds));
            m.put("max_open_connections", sink.maxOpenConnections.get());
            m.put("message_bytes", sink.messages.sum() > 0 ? sink.bytes.sum() / sink.messages.sum() : 0);
            m.put("round_trip_us", Scenarios.latency(all));
            m.put("note", "the sink alone, a connection per message as the application sends (client threads in the "
                    + "same process); the deliveries measured below are far from this ceiling if it is much higher");
        }
        return m;
    }

    /** One message over a connection of its own, as Jakarta Mail's Transport.send does it. */
    static void send(int port, long scenario, long k, String to) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(30_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, "EHLO bench-client");
            expect(in, "250");
            command(out, "MAIL FROM:<bench@bench.local>");
            expect(in, "250");
            command(out, "RCPT TO:<" + to + ">");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            out.write(message(scenario, k, to).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, "QUIT");
            expect(in, "221");
        }
    }

    /** A message shaped like the application's: headers, a text and an HTML part, the end dot. */
    static String message(long scenario, long k, String to) {
        String title = SmtpSink.MARKER + scenario + "-" + k;
        return "Date: Sun, 29 Nov 2026 16:45:37 +0000 (UTC)\r\n"
                + "From: bench@bench.local\r\n"
                + "To: " + to + "\r\n"
                + "Message-ID: <delivery-" + k + ".bench-" + scenario + "-" + k + "@bench.local>\r\n"
                + "Subject: =?UTF-8?Q?[URGENT]_" + title + "_=E2=80=94_bench-t000?=\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"----=_Part_0_1.2\"\r\n"
                + "\r\n"
                + "------=_Part_0_1.2\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "URGENT alert for bench-t000\r\n\r\n" + title + "\r\n\r\n12 kg left\r\n\r\n"
                + "Open the dashboard: http://localhost:9080/?alert=bench-" + scenario + "-" + k + "\r\n"
                + "------=_Part_0_1.2\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "<!DOCTYPE html><html><body><p><strong>URGENT</strong> alert for bench-t000</p><h2>" + title
                + "</h2><p>12 kg left</p><p><a href=\"http://localhost:9080/?alert=bench-" + scenario + "-" + k
                + "\">Open the dashboard</a></p></body></html>\r\n"
                + "------=_Part_0_1.2--\r\n"
                + ".\r\n";
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a (possibly multi-line) reply and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed, expected " + code);
            }
            if (!line.startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
