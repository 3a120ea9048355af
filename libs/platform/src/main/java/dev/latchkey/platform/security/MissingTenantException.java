package dev.latchkey.platform.security;

import jakarta.ws.rs.ForbiddenException;

/** A valid token that names no tenant may see nothing. */
public class MissingTenantException extends ForbiddenException {

    public MissingTenantException(String claim) {
        super("the bearer token has no '" + claim + "' claim");
    }
}
