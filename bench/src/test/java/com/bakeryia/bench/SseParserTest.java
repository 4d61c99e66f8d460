package com.bakeryia.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<String> seen = new ArrayList<>();
    private final SseParser parser = new SseParser(new SseParser.Sink() {
        @Override
        public void onComment() {
            seen.add("comment");
        }

        @Override
        public void onEvent(int type, long scenario, long k, long pub, long stored) {
            seen.add(type + ":" + scenario + ":" + k + ":" + pub + ":" + stored);
        }
    });

    private void feed(String s) {
        ByteBuf b = Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
        parser.feed(b);
        b.release();
    }

    private static final String ALERT_DATA = "{\"id\":\"bench-7-42\",\"seq\":3,\"tenant_id\":\"bench-t002\","
            + "\"metadata\":{\"sku\":\"FLOUR-1\",\"bench_s\":7,\"bench_k\":42,\"bench_pub_us\":1764230400123456},"
            + "\"timestamp\":\"2026-11-27T08:00:00Z\",\"stored_at\":\"2026-11-27T08:00:00.500001Z\"}";

    @Test
    void readsTheApplicationsEvents() {
        feed("retry: 3000\nevent: connection\ndata: {\"user\":\"u\"}\n\n"
                + "event: heartbeat\ndata: {}\n\n"
                + "event: inventory_alert\nid: 3\ndata: " + ALERT_DATA + "\n\n");
        assertEquals(List.of("1:-1:-1:-1:-1", "2:-1:-1:-1:-1", "3:7:42:1764230400123456:-1"), seen);
    }

    @Test
    void readsStoredAtWhenAsked() {
        parser.wantStoredAt(true);
        feed("event: inventory_alert\ndata: " + ALERT_DATA + "\n\n");
        assertEquals(List.of("3:7:42:1764230400123456:1795766400500001"), seen);
    }

    @Test
    void readsNchansEventSource() {
        feed(": hi\n\nid: 1764230400:0\ndata: " + ALERT_DATA + "\n\n");
        assertEquals(List.of("comment", "0:7:42:1764230400123456:-1"), seen);
    }

    @Test
    void joinsLinesSplitAcrossReadsAndAcceptsCrlf() {
        String all = "event: inventory_alert\r\ndata: " + ALERT_DATA + "\r\n\r\nevent: token_expired\r\ndata: {}\r\n\r\n";
        for (int i = 0; i < all.length(); i += 7) {
            feed(all.substring(i, Math.min(all.length(), i + 7)));
        }
        assertEquals(List.of("3:7:42:1764230400123456:-1", "4:-1:-1:-1:-1"), seen);
    }

    @Test
    void classifiesNotificationsAndOtherEvents() {
        feed("event: notification\ndata: {}\n\nevent: resync\ndata: {}\n\n");
        assertEquals(List.of("3:-1:-1:-1:-1", "5:-1:-1:-1:-1"), seen);
    }
}
