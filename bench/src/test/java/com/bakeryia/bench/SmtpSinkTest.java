package com.bakeryia.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void countsEachAlertOnceAndTellsDuplicatesForeignAndWrongRecipients() throws Exception {
        try (SmtpSink sink = new SmtpSink(0)) {
            sink.expect(7, 4, 2, "bench-t", "bench.local");
            SmtpLoad.send(sink.port(), 7, 0, "ops-bench-t000@bench.local");
            SmtpLoad.send(sink.port(), 7, 1, "ops-bench-t001@bench.local");
            SmtpLoad.send(sink.port(), 7, 1, "ops-bench-t001@bench.local");
            SmtpLoad.send(sink.port(), 7, 2, "ops-bench-t001@bench.local"); // alert 2 is tenant 0's
            SmtpLoad.send(sink.port(), 8, 3, "ops-bench-t001@bench.local"); // another scenario
            assertEquals(5, sink.messages.sum());
            assertEquals(3, sink.unique());
            assertEquals(1, sink.duplicates());
            assertEquals(1, sink.foreign.sum());
            assertEquals(1, sink.wrongRecipient.sum());
            assertEquals(0, sink.unmarked.sum());
            assertTrue(sink.receivedAt(0) > 0 && sink.receivedAt(1) > 0 && sink.receivedAt(2) > 0);
            assertEquals(0, sink.receivedAt(3));
            assertTrue(sink.lastReceiptMicros() >= sink.firstReceiptMicros());
        }
    }

    @Test
    void markerIsScenarioDashIndex() {
        String t = "[URGENT] bench-deliveries-123-45 - x";
        assertArrayEquals(new long[] {123, 45}, SmtpSink.parseMarker(t, t.indexOf("123")));
        assertNull(SmtpSink.parseMarker("bench-deliveries-123-", 17));
        assertNull(SmtpSink.parseMarker("bench-deliveries-x-1", 17));
        assertEquals("ops-bench-t001@bench.local", SmtpSink.address("RCPT TO:<Ops-Bench-T001@bench.local>"));
    }
}
