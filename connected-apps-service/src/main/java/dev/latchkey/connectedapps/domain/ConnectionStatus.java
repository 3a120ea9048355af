package dev.latchkey.connectedapps.domain;

/** PENDING until authorized; ACTIVE while its credentials work; EXPIRED when only a new authorization helps; ERROR. */
public enum ConnectionStatus {
    PENDING, ACTIVE, EXPIRED, ERROR
}
