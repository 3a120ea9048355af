package dev.latchkey.authconfig.events;

import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.events.AuthConfigEvents.AuthConfigTested;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.Outbox;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.probes.ProbeResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Writes auth-config events to the outbox, inside the transaction of the change they report. */
@ApplicationScoped
public class AuthConfigEventWriter {

    private static final URI SOURCE = EventSource.AUTH_CONFIG_SERVICE.uri();

    private final Outbox outbox;

    public AuthConfigEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(Caller caller, AuthConfig config) {
        return append(caller, new AuthConfigCreated(config.id, config.name, config.category.name().toLowerCase(Locale.ROOT),
                config.provider, config.authType, config.environment, config.config, List.copyOf(config.secretFields.keySet())));
    }

    public Uni<Void> updated(Caller caller, AuthConfig config, List<String> changedFields) {
        return append(caller, new AuthConfigUpdated(config.id, config.name, config.environment, changedFields, config.version,
                config.config, List.copyOf(config.secretFields.keySet())));
    }

    public Uni<Void> deleted(Caller caller, AuthConfig config) {
        return append(caller, new AuthConfigDeleted(config.id, config.name));
    }

    public Uni<Void> tested(Caller caller, AuthConfig config, ProbeResult outcome) {
        String detail = outcome.ok() ? outcome.message() : outcome.category() + ": " + outcome.message();
        return append(caller, new AuthConfigTested(config.id, outcome.ok(), detail, outcome.latencyMs()));
    }

    private Uni<Void> append(Caller caller, EventData data) {
        return outbox.append(Topics.AUTH_CONFIGS, EventJson.envelope(data, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }
}
