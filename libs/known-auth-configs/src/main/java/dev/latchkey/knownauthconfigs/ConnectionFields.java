package dev.latchkey.knownauthconfigs;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The fields a connection's credentials are made of, secrets included, read from the shared secret store: for an
 * OAuth2 account its plain fields and its newest access token (never the refresh token or the client secret: Latchkey
 * alone refreshes); for any other scheme its auth config's fields (plain and secret), overridden by the connection's
 * own (plain, then its secret at the version its row names). Fails with {@code SecretNotFoundException} when a secret
 * the connection needs is gone.
 */
@ApplicationScoped
public class ConnectionFields {

    /** What of a connection its fields depend on. */
    public record Source(String tenant, UUID connectionId, KnownAuthConfig authConfig, Map<String, Object> config,
                         long secretVersion, boolean tokenBased, Instant expiresAt) {
    }

    private final SecretStore secrets;

    public ConnectionFields(SecretStore secrets) {
        this.secrets = secrets;
    }

    public Uni<Map<String, Object>> read(Source source) {
        SecretPath path = SecretPath.connection(source.tenant(), source.connectionId());
        if (source.tokenBased()) {
            // The newest version: token-refresher writes each refreshed token as a new one.
            return secrets.read(path).map(secret -> tokenFields(source.config(), source.expiresAt(), secret.fields()));
        }
        Uni<Map<String, String>> own = source.secretVersion() == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(path, source.secretVersion()).map(secret -> secret.fields());
        KnownAuthConfig authConfig = source.authConfig();
        Uni<Map<String, String>> inherited = authConfig.sealedFields.length == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(SecretPath.authConfig(source.tenant(), authConfig.id)).map(secret -> secret.fields());
        return inherited.chain(fromAuthConfig -> own.map(fromConnection -> {
            Map<String, Object> fields = new LinkedHashMap<>(authConfig.config);
            fields.putAll(fromAuthConfig);
            fields.putAll(source.config());
            fields.putAll(fromConnection);
            return Collections.unmodifiableMap(fields);
        }));
    }

    /** An OAuth2 account's fields with a token just read: its plain fields, the access token and when it expires. */
    public static Map<String, Object> tokenFields(Map<String, Object> config, Instant expiresAt, Map<String, String> tokens) {
        Map<String, Object> fields = new LinkedHashMap<>(config);
        fields.put("accessToken", tokens.get("accessToken"));
        if (expiresAt != null) {
            fields.put("expiresAt", expiresAt.toString());
        }
        return Collections.unmodifiableMap(fields);
    }
}
