package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.knownauthconfigs.KnownAuthConfigProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * An auth config's event, applied here: to the known auth configs, and to the OAuth2 connections whose grant lacks
 * scopes an edit made the auth config ask for.
 */
@ApplicationScoped
public class KnownAuthConfigChanges {

    private final KnownAuthConfigProjector projector;
    private final ConnectionRepository connections;

    public KnownAuthConfigChanges(KnownAuthConfigProjector projector, ConnectionRepository connections) {
        this.projector = projector;
        this.connections = connections;
    }

    /** Runs in the consumer's transaction. */
    public Uni<Void> apply(CloudEvent event) {
        return projector.apply(event).chain(() -> flagMissingScopes(event));
    }

    /** Without scopes of its own an auth config asks for the catalog's defaults, which an edit does not change. */
    private Uni<Void> flagMissingScopes(CloudEvent event) {
        if (EventJson.data(event) instanceof AuthConfigUpdated updated && updated.config().get("scopes") instanceof List<?> scopes
                && !scopes.isEmpty()) {
            return connections.flagMissingScopes(event.tenantid(), updated.authConfigId(), scopes, updated.version());
        }
        return Uni.createFrom().voidItem();
    }
}
