package dev.latchkey.console.config;

import io.smallrye.config.ConfigMapping;

/** The console's own settings. */
@ConfigMapping(prefix = "latchkey.console")
public interface ConsoleConfig {

    /** Signs the forms' CSRF tokens; the same secret on every replica, so that a form posts to any of them. */
    String csrfKey();

    /** The identity provider's origin: the one place besides the console that a form may post to (sign-out). */
    String identityOrigin();
}
