package com.bakeryia.alerts.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile input for the property tests, unit and integration alike: random JSON, and valid
 * documents mutated the ways a broken or malicious producer would — bytes flipped, inserted,
 * deleted or repeated; invalid UTF-8, NUL, lone surrogates; a field given the wrong type or a huge
 * number; nesting far past any limit; sizes at the 64 KiB edge; truncation.
 */
public final class JsonMutations {

    /** The body size limit of the alert contract. */
    public static final int LIMIT = 64 * 1024;

    /** Values to put where something else was expected. */
    static final String[] ODD_VALUES = {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1.5",
        "-1",
        "1e999999999",
        "-1e-999999999",
        "1E+2",
        "123456789012345678901234567890",
        "9".repeat(5_000),
        "0." + "0".repeat(3_000) + "1",
        "\"\"",
        "\" \"",
        "[]",
        "{}",
        "[null]",
        "[1, \"a\"]",
        "{\"a\": []}",
        "\"\\u0000\"",
        "\"a\\u0000b\"",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"\\ud83d\\ude00\"",
        "\"" + "x".repeat(600) + "\"",
        "\"2026-13-45T99:00:00Z\"",
        "\"+999999999-12-31T23:59:59Z\"",
        "\"-000001-01-01T00:00:00Z\"",
        "\"0000-12-31T23:59:59Z\"",
        "\"urgent\"",
        "\"notification\"",
        "\"../../etc\"",
        "\"<script>\"",
        "\"\u00e9\u4e2d\"",
    };

    /** Byte sequences that break UTF-8 or JSON wherever they land. */
    static final byte[][] ODD_BYTES = {
        {0},
        {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82},
        {'"'},
        {'\\'},
        {'{'},
        {'['},
        {']'},
        {'}'},
        {','},
        {':'},
        {'\n'},
        {'\t'},
        {0x1F},
        {'\\', 'u', '0', '0'},
    };

    private static final Pattern MEMBER = Pattern.compile(
            "\"([a-z_]+)\"\\s*:\\s*(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|\\{[^{}]*}|\\[[^\\[\\]]*]|[-0-9.eE+]+|true|false|null)");

    private JsonMutations() {}

    /** {@code {"a":{"a":...1...}}}, {@code depth} objects deep. */
    public static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** {@code [[...]]}, {@code depth} arrays deep. */
    public static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Mutations of the given valid documents, one to four at a time. */
    public static Arbitrary<byte[]> mutationsOf(String... documents) {
        return Arbitraries.randomValue(random -> mutate(documents[random.nextInt(documents.length)], random));
    }

    /** Mutations of the documents, as text (invalid UTF-8 decoded with replacement characters). */
    public static Arbitrary<String> textMutationsOf(String... documents) {
        return mutationsOf(documents).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Random JSON values of every type, some nested past the limit. */
    /** Bodies to throw at a JSON endpoint: mutations of valid examples, random JSON, random text. */
    public static Arbitrary<String> bodiesLike(String... validExamples) {
        return Arbitraries.oneOf(
                textMutationsOf(validExamples),
                randomJson(),
                Arbitraries.strings().ofMaxLength(100));
    }

    /** A refused body is the client's fault: a 4xx, never a 5xx. */
    public static void assertClientError(ApiProblem problem) {
        int status = problem.status().getStatusCode();
        if (status < 400 || status >= 500) {
            throw new AssertionError("HTTP " + status + " " + problem.code() + " for bad input");
        }
    }

    public static Arbitrary<String> randomJson() {
        return Arbitraries.randomValue(random -> json(random, random.nextInt(8) == 0 ? 70 : 6));
    }

    public static byte[] mutate(String document, Random random) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            bytes = mutateOnce(bytes, random);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        switch (random.nextInt(10)) {
            case 0 -> {
                if (bytes.length > 0) {
                    byte[] copy = bytes.clone();
                    copy[Math.min(at, bytes.length - 1)] = (byte) random.nextInt(256);
                    return copy;
                }
                return bytes;
            }
            case 1 -> {
                return splice(bytes, at, at, ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
            }
            case 2 -> {
                int end = Math.min(bytes.length, at + random.nextInt(16));
                return splice(bytes, at, end, new byte[0]);
            }
            case 3 -> {
                int end = Math.min(bytes.length, at + random.nextInt(32));
                byte[] range = java.util.Arrays.copyOfRange(bytes, at, end);
                return splice(bytes, at, at, range);
            }
            case 4 -> {
                return utf8(replaceValue(text, random, ODD_VALUES[random.nextInt(ODD_VALUES.length)]));
            }
            case 5 -> {
                int depth = edge(random);
                String deep = random.nextBoolean() ? deepObject(depth) : deepArray(depth);
                return utf8(replaceValue(text, random, deep));
            }
            case 6 -> {
                return utf8(padded(text, LIMIT - 2 + random.nextInt(5)));
            }
            case 7 -> {
                return java.util.Arrays.copyOf(bytes, at);
            }
            case 8 -> {
                return utf8(replaceValue(text, random, json(random, 4)));
            }
            default -> {
                return utf8(json(random, 3));
            }
        }
    }

    /** A nesting depth near our limit (64) or near Parsson's (1,000), or far past both. */
    static int edge(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonInput.MAX_DEPTH - 3 + random.nextInt(7);
            case 1 -> 995 + random.nextInt(10);
            case 2 -> 3_000;
            default -> 1 + random.nextInt(200);
        };
    }

    /** The document grown (a string member added after its first brace) to exactly {@code size} bytes. */
    public static String padded(String document, int size) {
        int brace = document.indexOf('{');
        if (brace < 0) {
            return document;
        }
        String head = document.substring(0, brace + 1) + "\"pad\":\"";
        String tail = "\"," + document.substring(brace + 1);
        int fill = size - utf8(head).length - utf8(tail).length;
        return fill < 0 ? document : head + "x".repeat(fill) + tail;
    }

    private static String replaceValue(String text, Random random, String value) {
        Matcher members = MEMBER.matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (members.find()) {
            spans.add(new int[] {members.start(2), members.end(2)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    static String json(Random random, int depth) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "\"" + randomString(random) + "\"";
            case 3 -> random.nextBoolean() ? "true" : "null";
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.append(i == 0 ? "" : ",").append(json(random, depth - 1));
                }
                yield array.append(size == 0 && depth > 8 ? json(random, depth - 1) : "")
                        .append(']')
                        .toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int size = depth > 8 ? 1 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.append(i == 0 ? "" : ",")
                            .append('"')
                            .append(randomString(random))
                            .append("\":")
                            .append(json(random, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 1 -> text.append("\\n");
                case 2 -> text.append((char) (0x80 + random.nextInt(0x2000)));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, from);
        out.write(insert, 0, insert.length);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
