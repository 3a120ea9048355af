package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CatalogEntry;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForms;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Resolves a request's category, provider and type to a kind of auth config, or says which field is wrong. */
@ApplicationScoped
public class AuthConfigKinds {

    private final Catalog catalog;

    public AuthConfigKinds(Catalog catalog) {
        this.catalog = catalog;
    }

    public AuthConfigKind resolve(AuthConfigCategory category, String provider, String type) {
        return switch (category) {
            case CUSTOM -> custom(provider, type);
            case OAUTH2_PROVIDER -> app(entry(provider), type);
            case NATIVE_CONNECTOR -> connector(entry(provider), type);
        };
    }

    /** The kind of an existing auth config, from what its row records. */
    public AuthConfigKind of(AuthConfigCategory category, String provider, String authType) {
        if (category == AuthConfigCategory.CUSTOM) {
            return new AuthConfigKind(category, null, authType, Optional.empty(), CustomForms.of(CustomType.ofAuthType(authType)));
        }
        return resolve(category, provider, authType);
    }

    private AuthConfigKind custom(String provider, String type) {
        if (provider != null) {
            throw invalid("provider", "must be absent for a custom auth config");
        }
        CustomType custom = CustomType.of(type).orElseThrow(() -> invalid("type", "must be one of " + CustomType.ids()));
        return new AuthConfigKind(AuthConfigCategory.CUSTOM, null, custom.authType().id(), Optional.empty(), CustomForms.of(custom));
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
        return new AuthConfigKind(category, entry.key(), option.type().id(), Optional.of(option), CredentialForms.of(option));
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
