package dev.latchkey.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs, declared on the resource method (or its class):
 * {@code @Requires(Permission.EDIT)}. Without a bearer token the answer is 401; with a token lacking the
 * permission it is a 403 problem and an {@code access.denied} event.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();
}
