package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.knownauthconfigs.OAuthClients;
import dev.latchkey.oauth.TokenEndpoint;
import dev.latchkey.oauth.TokenRequest;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Revokes an OAuth2 connection's grant at the provider (RFC 7009) when the provider offers revocation: the
 * refresh token where there is one (which ends the grant at providers that tie the two), else the access token.
 */
@ApplicationScoped
public class TokenRevocation {

    private static final Logger LOG = Logger.getLogger(TokenRevocation.class);

    private final OAuthClients clients;
    private final SecretStore secrets;
    private final TokenEndpoint tokenEndpoint;
    private final ConnectionsConfig config;

    public TokenRevocation(OAuthClients clients, SecretStore secrets, TokenEndpoint tokenEndpoint, ConnectionsConfig config) {
        this.config = config;
        this.clients = clients;
        this.secrets = secrets;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** True when the provider confirmed (200); false when it offers no revocation, refused, or did not answer. */
    Uni<Boolean> revoke(Connection connection) {
        if (AuthType.of(connection.authType) != AuthType.OAUTH2 || connection.secretVersion == 0) {
            return Uni.createFrom().item(false);
        }
        return clients.resolve(connection.tenant, connection.authConfigId).chain(resolved -> {
            if (resolved.client().revocationUrl() == null) {
                return Uni.createFrom().item(false);
            }
            return secrets.read(SecretPath.connection(connection.tenant, connection.id)).chain(secret -> {
                Map<String, String> tokens = secret.fields();
                boolean refresh = tokens.containsKey("refreshToken");
                TokenRequest request = TokenRequest.revocation(resolved.client(), resolved.clientSecret(),
                        tokens.get(refresh ? "refreshToken" : "accessToken"), refresh ? "refresh_token" : "access_token");
                return tokenEndpoint.revoke(request, config.tokenTimeout()).map(status -> {
                    if (status != 200) {
                        LOG.warnf("revoking connection %s: the provider answered %d", connection.id, status);
                    }
                    return status == 200;
                });
            });
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("revoking connection %s failed: %s", connection.id, failure.getMessage());
            return false;
        });
    }
}
