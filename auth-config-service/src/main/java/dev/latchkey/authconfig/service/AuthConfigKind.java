package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.oauth.platform.PlatformApp;

import java.util.Optional;

/**
 * What kind of auth config a request describes: its category, the catalog entry and auth option it uses (none
 * for custom), the auth type, the form its fields must fill, and the operator's OAuth2 app when it uses that.
 */
public record AuthConfigKind(AuthConfigCategory category, String provider, String authType,
                             Optional<AuthOption> option, CredentialForm form, Optional<PlatformApp> platformApp) {

    /**
     * {@code config} as an auth config of this kind keeps it: with the parameters the operator pins for its platform app
     * now (an edit of one made before the operator moved them takes the new ones).
     */
    public ObjectNode completed(ObjectNode config) {
        ObjectNode completed = config.deepCopy();
        platformApp().ifPresent(app -> app.parameters().forEach(completed::put));
        return completed;
    }
}
