package com.bakeryia.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A server-sent-events parser over the bytes of one stream that allocates nothing for a line
 * that arrives whole: lines are read where they lie in the received buffer; only a line split
 * across two reads is copied (into a per-stream array, kept while needed).
 *
 * <p>It keeps what a benchmark needs: the event's type and, from {@code data:}, the bench's
 * markers in the alert's {@code metadata} ({@code bench_s}, the scenario; {@code bench_k}, the
 * alert's index; {@code bench_pub_us}, its publish time in epoch microseconds) and, when asked,
 * the server's {@code stored_at}. Lines end with LF or CRLF (both servers send LF).
 */
final class SseParser {

    /** What a parsed stream reports; called on the thread that feeds the parser. */
    interface Sink {
        /** A comment line ({@code : ...}), e.g. Nchan's opening {@code : hi}. */
        void onComment();

        /**
         * One dispatched event.
         *
         * @param k the alert's bench index, or -1 when the data carries no bench marker
         */
        void onEvent(int type, long scenario, long k, long pubMicros, long storedMicros);
    }

    static final int MESSAGE = 0;
    static final int CONNECTION = 1;
    static final int HEARTBEAT = 2;
    static final int ALERT = 3;
    static final int TOKEN_EXPIRED = 4;
    static final int OTHER = 5;

    private static final int MAX_LINE = 1 << 20;
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] BENCH = ascii("\"bench_");
    private static final byte[] KEY_S = ascii("s\":");
    private static final byte[] KEY_K = ascii("k\":");
    private static final byte[] KEY_PUB = ascii("pub_us\":");
    private static final byte[] STORED_AT = ascii("\"stored_at\":\"");
    private static final byte[] HEARTBEAT_NAME = ascii("heartbeat");
    private static final byte[] CONNECTION_NAME = ascii("connection");
    private static final byte[] TOKEN_EXPIRED_NAME = ascii("token_expired");
    private static final byte[] NOTIFICATION_NAME = ascii("notification");
    private static final byte[] ALERT_SUFFIX = ascii("_alert");

    private final Sink sink;
    private boolean wantStoredAt;

    private byte[] partial;
    private int partialLength;

    private boolean pending;
    private int type = MESSAGE;
    private long scenario = -1;
    private long k = -1;
    private long pubMicros = -1;
    private long storedMicros = -1;

    SseParser(Sink sink) {
        this.sink = sink;
    }

    /** Also read the server's {@code stored_at} (costs a string and a date parse per event). */
    void wantStoredAt(boolean want) {
        this.wantStoredAt = want;
    }

    void feed(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            int nl = buf.indexOf(i, end, (byte) '\n');
            if (nl < 0) {
                keep(buf, i, end - i);
                return;
            }
            if (partialLength > 0) {
                keep(buf, i, nl - i);
                int length = partialLength;
                partialLength = 0;
                line(Unpooled.wrappedBuffer(partial, 0, length), 0, length);
                if (partial.length > 4096) {
                    partial = null; // an unusually long line: do not keep its buffer for ever
                }
            } else {
                line(buf, i, nl);
            }
            i = nl + 1;
        }
    }

    private void keep(ByteBuf buf, int from, int length) {
        int needed = partialLength + length;
        if (needed > MAX_LINE) {
            throw new IllegalStateException("SSE line longer than " + MAX_LINE + " bytes");
        }
        if (partial == null || partial.length < needed) {
            byte[] bigger = new byte[Math.max(256, Math.max(needed, partial == null ? 0 : partial.length * 2))];
            if (partialLength > 0) {
                System.arraycopy(partial, 0, bigger, 0, partialLength);
            }
            partial = bigger;
        }
        buf.getBytes(from, partial, partialLength, length);
        partialLength = needed;
    }

    /** One line, [start, end) without its LF. */
    private void line(ByteBuf b, int start, int end) {
        if (end > start && b.getByte(end - 1) == '\r') {
            end--;
        }
        if (end == start) {
            dispatch();
            return;
        }
        if (b.getByte(start) == ':') {
            sink.onComment();
            return;
        }
        int colon = b.indexOf(start, end, (byte) ':');
        int fieldEnd = colon < 0 ? end : colon;
        int value = colon < 0 ? end : colon + 1;
        if (value < end && b.getByte(value) == ' ') {
            value++;
        }
        if (equals(b, start, fieldEnd, DATA)) {
            pending = true;
            scanData(b, value, end);
        } else if (equals(b, start, fieldEnd, EVENT)) {
            pending = true;
            type = classify(b, value, end);
        }
        // id, retry and unknown fields: nothing a benchmark needs
    }

    private void dispatch() {
        if (!pending) {
            return;
        }
        int t = type;
        long s = scenario;
        long index = k;
        long pub = pubMicros;
        long stored = storedMicros;
        pending = false;
        type = MESSAGE;
        scenario = -1;
        k = -1;
        pubMicros = -1;
        storedMicros = -1;
        sink.onEvent(t, s, index, pub, stored);
    }

    private static int classify(ByteBuf b, int start, int end) {
        if (equals(b, start, end, HEARTBEAT_NAME)) {
            return HEARTBEAT;
        }
        if (equals(b, start, end, CONNECTION_NAME)) {
            return CONNECTION;
        }
        if (equals(b, start, end, TOKEN_EXPIRED_NAME)) {
            return TOKEN_EXPIRED;
        }
        if (equals(b, start, end, NOTIFICATION_NAME)
                || (end - start > ALERT_SUFFIX.length && equals(b, end - ALERT_SUFFIX.length, end, ALERT_SUFFIX))) {
            return ALERT;
        }
        return OTHER;
    }

    private void scanData(ByteBuf b, int start, int end) {
        int i = start;
        boolean storedDone = !wantStoredAt;
        while (i < end) {
            int q = b.indexOf(i, end, (byte) '"');
            if (q < 0) {
                return;
            }
            if (startsWith(b, q, end, BENCH)) {
                int p = q + BENCH.length;
                if (startsWith(b, p, end, KEY_S)) {
                    scenario = number(b, p + KEY_S.length, end);
                } else if (startsWith(b, p, end, KEY_K)) {
                    k = number(b, p + KEY_K.length, end);
                } else if (startsWith(b, p, end, KEY_PUB)) {
                    pubMicros = number(b, p + KEY_PUB.length, end);
                }
                i = p;
            } else if (!storedDone && startsWith(b, q, end, STORED_AT)) {
                int from = q + STORED_AT.length;
                int to = b.indexOf(from, end, (byte) '"');
                if (to > from) {
                    storedMicros = micros(b.toString(from, to - from, StandardCharsets.US_ASCII));
                }
                storedDone = true;
                i = Math.max(from, to);
            } else {
                i = q + 1;
            }
            if (storedDone && scenario >= 0 && k >= 0 && pubMicros >= 0) {
                return;
            }
        }
    }

    private static long number(ByteBuf b, int i, int end) {
        while (i < end && b.getByte(i) == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end) {
            byte c = b.getByte(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            digits++;
            i++;
        }
        return digits == 0 ? -1 : value;
    }

    static long micros(String iso) {
        try {
            Instant t = Instant.parse(iso);
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static boolean equals(ByteBuf b, int start, int end, byte[] word) {
        return end - start == word.length && startsWith(b, start, end, word);
    }

    private static boolean startsWith(ByteBuf b, int start, int end, byte[] word) {
        if (end - start < word.length) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            if (b.getByte(start + j) != word[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
