package dev.latchkey.authconfig.domain;

/** ACTIVE until a test fails (ERROR) or its credentials lapse (EXPIRED). */
public enum AuthConfigStatus {
    ACTIVE, EXPIRED, ERROR
}
