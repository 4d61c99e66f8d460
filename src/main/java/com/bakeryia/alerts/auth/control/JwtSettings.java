package com.bakeryia.alerts.auth.control;

/** The standard MicroProfile JWT configuration keys: the one source every verifier reads. */
public final class JwtSettings {

    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    /** Opt-in: a shared secret that HS256 tokens are verified with, for auth services that sign that way. */
    public static final String HS256_SECRET = "jwt.hs256.secret";

    private JwtSettings() {}
}
