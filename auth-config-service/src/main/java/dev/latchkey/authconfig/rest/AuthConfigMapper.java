package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.config.AuthConfigsConfig;
import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.catalog.auth.AuthType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a row into what the API shows: never a secret value. */
@ApplicationScoped
public class AuthConfigMapper {

    private final AuthConfigsConfig config;

    public AuthConfigMapper(AuthConfigsConfig config) {
        this.config = config;
    }

    public AuthConfigView toView(AuthConfig entity) {
        Map<String, SecretFieldView> secrets = new LinkedHashMap<>();
        entity.secretFields.forEach((field, state) -> secrets.put(field, new SecretFieldView(true, state.updatedAt(), state.hint())));
        String type = entity.category == AuthConfigCategory.CUSTOM ? CustomType.ofAuthType(entity.authType).id() : entity.authType;
        return new AuthConfigView(entity.id, entity.name, entity.category, entity.provider, type, entity.environment,
                entity.description, entity.config, secrets, entity.status, entity.statusReason, entity.secretExpiresAt,
                entity.warning, entity.lastTest, entity.lastUsedAt,
                entity.connectionCount, redirectUri(entity.authType), entity.version, entity.createdAt, entity.updatedAt);
    }

    /** The redirect URI an OAuth2 authorization-code app registers with its provider; null for other schemes. */
    public String redirectUri(String authType) {
        return AuthType.OAUTH2.id().equals(authType) ? config.publicBaseUrl().replaceFirst("/+$", "") + "/oauth/callback" : null;
    }
}
