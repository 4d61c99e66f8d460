package com.bakeryia.alerts.platform;

import jakarta.json.JsonValue;

/**
 * Reads JSON that came from outside the application (a request body, a queued message, a row or a
 * Redis payload) into a value, or says why it cannot, as a checked {@link BadJson}: never as a
 * runtime exception that would surface as a 500 or a redelivery.
 * <p>
 * Two reasons it exists. Parsson, the JSON-P provider Liberty ships, refuses input nested deeper
 * than 1,000 levels with a bare {@code RuntimeException} ("Input is too deeply nested 1,000"),
 * not a {@code JsonException}, so catching {@code JsonException} lets it escape; and 1,000 levels
 * are far more than any of our documents need while still costing a recursive descent per level.
 * So a document is first scanned for its depth (objects and arrays, outside strings) and refused
 * past {@link #MAX_DEPTH} before the parser sees it; the parser's own failures of any type are then
 * reported as malformed JSON.
 */
public final class JsonInput {

    /**
     * The deepest nesting of objects and arrays accepted, the outermost value counting as level 1.
     * An alert is level 1, its {@code metadata} object level 2, so metadata may nest 62 levels below
     * its own object.
     */
    public static final int MAX_DEPTH = 64;

    /** The code of a document nested deeper than {@link #MAX_DEPTH}. */
    public static final String TOO_DEEP = "too_deep";
    /** The code of a document that is not JSON. */
    public static final String MALFORMED = "malformed_json";

    private JsonInput() {}

    /** Why a text could not be read as JSON; the code is stable, the message names the problem. */
    public static class BadJson extends Exception {

        private final String code;

        public BadJson(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * @return the one JSON value of the text (any type: the caller checks the shape it expects)
     * @throws BadJson {@link #TOO_DEEP} past {@link #MAX_DEPTH} levels, else {@link #MALFORMED}
     */
    public static JsonValue read(String text) throws BadJson {
        if (text == null || text.isBlank()) {
            throw new BadJson(MALFORMED, "The JSON text is empty.");
        }
        int depth = depth(text);
        if (depth > MAX_DEPTH) {
            throw new BadJson(TOO_DEEP, "The JSON is nested deeper than " + MAX_DEPTH + " levels.");
        }
        try (var reader = JsonFactories.reader(text)) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, and whatever else the provider throws for input
            // it refuses (e.g. a number too long): the text is not JSON we can take.
            throw new BadJson(MALFORMED, "The text is not valid JSON" + position(e) + ".");
        }
    }

    /**
     * The deepest nesting of objects and arrays in a text, counting only brackets outside strings;
     * it stops counting once past {@link #MAX_DEPTH}. Not a validation: the parser does that.
     */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                if (depth > deepest) {
                    deepest = depth;
                    if (deepest > MAX_DEPTH) {
                        return deepest;
                    }
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /** Where the parser stopped, when it says (line and column only: never the input itself). */
    private static String position(RuntimeException e) {
        if (e instanceof jakarta.json.stream.JsonParsingException parsing && parsing.getLocation() != null) {
            return " (line " + parsing.getLocation().getLineNumber() + ", column "
                    + parsing.getLocation().getColumnNumber() + ")";
        }
        return "";
    }
}
