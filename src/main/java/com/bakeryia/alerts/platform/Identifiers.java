package com.bakeryia.alerts.platform;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers the API accepts, in one place: what ingest stores is exactly what a
 * stream filter or the membership API can name.
 */
public final class Identifiers {

    /** Alert ids and tenant ids: up to 64 letters, digits, '.', '_', ':' or '-', not starting with a symbol. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** Service names, which also name SSE events ({@code <service>_alert}). */
    public static final Pattern SERVICE = Pattern.compile("[a-z0-9_-]{1,32}");
    /** Alert types. */
    public static final Pattern TYPE = ID;

    private Identifiers() {}
}
