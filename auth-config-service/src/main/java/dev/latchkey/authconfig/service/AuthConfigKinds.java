package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CatalogEntry;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.form.CredentialForms;
import dev.latchkey.oauth.platform.PlatformApp;
import dev.latchkey.oauth.platform.PlatformApps;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Resolves a request's category, provider and type to a kind of auth config, or says which field is wrong. */
@ApplicationScoped
public class AuthConfigKinds {

    private final Catalog catalog;
    private final PlatformApps platformApps;

    public AuthConfigKinds(Catalog catalog, PlatformApps platformApps) {
        this.catalog = catalog;
        this.platformApps = platformApps;
    }

    /**
     * @param config the request's plain fields: {@code platformApp: true} in them asks for the operator's OAuth2 app
     */
    public AuthConfigKind resolve(AuthConfigCategory category, String provider, String type, ObjectNode config) {
        boolean platformApp = config != null && config.path(PlatformApp.FIELD).asBoolean(false);
        if (platformApp && category != AuthConfigCategory.OAUTH2_PROVIDER) {
            throw invalid("config." + PlatformApp.FIELD, "only a catalog app (oauth2_provider) can use the platform's OAuth app");
        }
        return switch (category) {
            case CUSTOM -> custom(provider, type);
            case OAUTH2_PROVIDER -> platformApp ? platformApp(entry(provider), type) : app(entry(provider), type);
            case NATIVE_CONNECTOR -> connector(entry(provider), type);
        };
    }

    /** The kind of an existing auth config, from what its row records. */
    public AuthConfigKind of(AuthConfig authConfig) {
        if (authConfig.category == AuthConfigCategory.CUSTOM) {
            return new AuthConfigKind(authConfig.category, null, authConfig.authType, Optional.empty(),
                    CustomForms.of(CustomType.ofAuthType(authConfig.authType)), Optional.empty());
        }
        if (PlatformApp.chosenIn(authConfig.config)) {
            return platformApp(entry(authConfig.provider), authConfig.authType);
        }
        return resolve(authConfig.category, authConfig.provider, authConfig.authType, null);
    }

    private AuthConfigKind custom(String provider, String type) {
        if (provider != null) {
            throw invalid("provider", "must be absent for a custom auth config");
        }
        CustomType custom = CustomType.of(type).orElseThrow(() -> invalid("type", "must be one of " + CustomType.ids()));
        return new AuthConfigKind(AuthConfigCategory.CUSTOM, null, custom.authType().id(), Optional.empty(), CustomForms.of(custom),
                Optional.empty());
    }

    /**
     * An app that uses the operator's OAuth2 client: only OAuth2 authorization code, only where the operator has one
     * (its tokens are bound to that client, so an auth config never switches between it and its own).
     */
    private AuthConfigKind platformApp(CatalogEntry entry, String type) {
        if (type != null && !type.equals(AuthType.OAUTH2.id())) {
            throw invalid("type", "the platform's OAuth app is for OAuth2 authorization code ('oauth2')");
        }
        PlatformApp app = platformApps.find(entry.key()).orElseThrow(() -> invalid("config." + PlatformApp.FIELD,
                "'" + entry.key() + "' has no platform OAuth app here: bring your own client id and secret"));
        OAuth2 option = (OAuth2) entry.option(AuthType.OAUTH2).orElseThrow();
        return new AuthConfigKind(AuthConfigCategory.OAUTH2_PROVIDER, entry.key(), AuthType.OAUTH2.id(), Optional.of(option),
                CredentialForms.platformApp(PlatformApp.FIELD, option.connectionParameters(), app.parameters(), option.scopes()),
                Optional.of(app));
    }

    private AuthConfigKind app(CatalogEntry entry, String type) {
        List<AuthOption> options = entry.auth().stream().filter(option -> option.type() != AuthType.NATIVE).toList();
        if (options.isEmpty()) {
            throw invalid("category", "'" + entry.key() + "' is a native connector: use native_connector");
        }
        AuthOption option = type == null
                ? options.stream().filter(o -> o.type() == AuthType.OAUTH2).findFirst().orElse(options.get(0))
                : options.stream().filter(o -> o.type().id().equals(type)).findFirst()
                        .orElseThrow(() -> invalid("type", "'" + entry.key() + "' offers " + options.stream().map(o -> o.type().id()).toList()));
        return kind(AuthConfigCategory.OAUTH2_PROVIDER, entry, option);
    }

    private AuthConfigKind connector(CatalogEntry entry, String type) {
        AuthOption option = entry.option(AuthType.NATIVE)
                .orElseThrow(() -> invalid("category", "'" + entry.key() + "' is not a native connector: use oauth2_provider"));
        if (type != null && !type.equals(AuthType.NATIVE.id())) {
            throw invalid("type", "a native connector's type is 'native'");
        }
        return kind(AuthConfigCategory.NATIVE_CONNECTOR, entry, option);
    }

    private static AuthConfigKind kind(AuthConfigCategory category, CatalogEntry entry, AuthOption option) {
        return new AuthConfigKind(category, entry.key(), option.type().id(), Optional.of(option), CredentialForms.of(option),
                Optional.empty());
    }

    private CatalogEntry entry(String provider) {
        if (provider == null) {
            throw invalid("provider", "is required: a catalog key");
        }
        return catalog.find(provider).orElseThrow(() -> invalid("provider", "is not in the catalog"));
    }

    static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException("The request has invalid fields.", List.of(new FieldError(field, message)));
    }
}
