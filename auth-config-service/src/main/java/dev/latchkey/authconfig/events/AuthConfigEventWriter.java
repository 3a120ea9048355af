package dev.latchkey.authconfig.events;

import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.events.AuthConfigEvents.AuthConfigSecretExpiring;
import dev.latchkey.events.AuthConfigEvents.AuthConfigStatusChanged;
import dev.latchkey.events.AuthConfigEvents.AuthConfigTested;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.expiry.ExpiringSecrets;
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

    /** The status a test or an edit left it in differs from {@code from}, for {@code reason}. */
    public Uni<Void> statusChanged(Caller caller, AuthConfig config, AuthConfigStatus from, String reason) {
        return append(caller, new AuthConfigStatusChanged(config.id, from.name(), config.status.name(), reason));
    }

    /** Its secret's end passed: EXPIRED, as the expiry watch (no person) saw it. */
    public Uni<Void> expired(String actor, ExpiringSecrets.Due due) {
        return outbox.append(Topics.AUTH_CONFIGS, EventJson.envelope(new AuthConfigStatusChanged(due.id(), due.status(),
                AuthConfigStatus.EXPIRED.name(), ExpiringSecrets.expiredReason(due.expiresAt())), SOURCE, due.tenant(), actor));
    }

    /** Its secret's end is near. */
    public Uni<Void> secretExpiring(String actor, ExpiringSecrets.Due due) {
        return outbox.append(Topics.AUTH_CONFIGS, EventJson.envelope(new AuthConfigSecretExpiring(due.id(), due.expiresAt()),
                SOURCE, due.tenant(), actor));
    }

    private Uni<Void> append(Caller caller, EventData data) {
        return outbox.append(Topics.AUTH_CONFIGS, EventJson.envelope(data, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }
}
