package com.bakeryia.alerts.auth.control;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that a browser's EventSource calls, which cannot send an Authorization
 * header: besides the header it accepts, in this order, a single-use {@code ?ticket=},
 * {@code ?token=} and the {@value Callers#TOKEN_COOKIE} cookie. Every other method takes the
 * header only, so a token never has to travel in a URL to reach them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamCredentials {}
