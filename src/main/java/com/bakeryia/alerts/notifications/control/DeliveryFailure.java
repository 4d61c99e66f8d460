package com.bakeryia.alerts.notifications.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a send did not happen, and what to do about it: try again (after at least {@link #retryAfter}
 * when the other side said so), give up ({@link #permanent}), or wait without counting an attempt
 * ({@link #deferred}: a rate limit of our own).
 */
public final class DeliveryFailure extends Exception {

    private final boolean permanent;
    private final boolean deferred;
    private final Duration retryAfter;

    private DeliveryFailure(String message, boolean permanent, boolean deferred, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.permanent = permanent;
        this.deferred = deferred;
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure retry(String message, Throwable cause) {
        return new DeliveryFailure(message, false, false, null, cause);
    }

    public static DeliveryFailure retryAfter(String message, Duration after) {
        return new DeliveryFailure(message, false, false, after, null);
    }

    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, true, false, null, null);
    }

    public static DeliveryFailure deferred(String message, Duration wait) {
        return new DeliveryFailure(message, false, true, wait, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean deferred() {
        return deferred;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
