package dev.latchkey.connectedapps.consumers;

import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import dev.latchkey.platform.projection.AuthConfigProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

import static dev.latchkey.platform.projection.AuthConfigProjector.json;
import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Keeps the auth-config projection from auth-config-service's events, each event once, and flags OAuth2
 * connections whose grant lacks scopes their auth config asks for now.
 */
@ApplicationScoped
public class AuthConfigProjection {

    private static final String CONSUMER = "auth-config-projection";
    /**
     * Scopes the auth config asks for now that an OAuth2 connection's grant lacks: reauthorizing gets them. Only
     * when this event's version is the one the projection holds, so a late older event changes nothing.
     */
    private static final String MISSING_SCOPES = """
            UPDATE connections c SET missing_scopes = ARRAY(
                    SELECT s FROM jsonb_array_elements_text(cast(cast(?3 as text) as jsonb)) s
                    WHERE NOT s = ANY(coalesce(c.granted_scopes, '{}')))
            WHERE c.tenant = ?1 AND c.auth_config_id = ?2 AND c.auth_type = 'oauth2' AND c.status <> 'PENDING'
              AND EXISTS (SELECT 1 FROM auth_configs a WHERE a.id = ?2 AND a.version = ?4)""";

    private final IdempotentConsumer consumer;
    private final AuthConfigProjector projector;

    public AuthConfigProjection(IdempotentConsumer consumer, AuthConfigProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("auth-configs")
    public Uni<Void> onAuthConfigEvent(String json) {
        return consumer.handleRecordOnce(CONSUMER, json, event -> projector.apply(event).chain(() -> flagMissingScopes(event)));
    }

    /** Without scopes of its own an auth config asks for the catalog's defaults, which an edit does not change. */
    private static Uni<Void> flagMissingScopes(CloudEvent event) {
        if (EventJson.data(event) instanceof AuthConfigUpdated updated && updated.config().get("scopes") instanceof List<?> scopes
                && !scopes.isEmpty()) {
            return execute(MISSING_SCOPES, event.tenantid(), updated.authConfigId(), json(scopes), updated.version());
        }
        return Uni.createFrom().voidItem();
    }
}
