package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.client.ConnectedApps;
import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.probes.ProbeResult;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.authconfig.domain.SecretField;
import dev.latchkey.authconfig.events.AuthConfigEventWriter;
import dev.latchkey.authconfig.repository.AuthConfigQuery;
import dev.latchkey.authconfig.repository.AuthConfigRepository;
import dev.latchkey.authconfig.repository.ConnectionUsageRepository;
import dev.latchkey.platform.expiry.SecretExpiry;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.PreconditionFailedException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.probes.TestSlots;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Creates, reads, edits and deletes auth configs. Secret fields go to the secret store, pinned by version, the
 * rest to the table; each change and its event commit in one transaction. A secret written for a change whose
 * transaction then fails is never referenced, so it never shows.
 */
@ApplicationScoped
public class AuthConfigService {

    private static final Logger LOG = Logger.getLogger(AuthConfigService.class);

    private final AuthConfigRepository repository;
    private final AuthConfigKinds kinds;
    private final SecretStore secrets;
    private final AuthConfigEventWriter events;
    private final AuthConfigTester tester;
    private final ConnectedApps connectedApps;
    private final AuthConfigValidation validation;
    private final TestSlots slots;
    private final AuthConfigExpiry expiry;
    private final ConnectionUsageRepository usage;

    public AuthConfigService(AuthConfigRepository repository, AuthConfigKinds kinds, SecretStore secrets,
            AuthConfigEventWriter events, AuthConfigTester tester, @RestClient ConnectedApps connectedApps,
            AuthConfigValidation validation, TestSlots slots, AuthConfigExpiry expiry, ConnectionUsageRepository usage) {
        this.slots = slots;
        this.expiry = expiry;
        this.usage = usage;
        this.connectedApps = connectedApps;
        this.validation = validation;
        this.repository = repository;
        this.kinds = kinds;
        this.secrets = secrets;
        this.events = events;
        this.tester = tester;
    }

    public Uni<AuthConfig> create(Caller caller, NewAuthConfig request) {
        AuthConfigKind kind = kinds.resolve(request.category(), request.provider(), request.type(), request.config());
        ObjectNode secretValues = objectOrEmpty(request.secrets());
        validation.check(kind, objectOrEmpty(request.config()), secretValues);
        ObjectNode config = kind.completed(objectOrEmpty(request.config()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SecretExpiry secretExpiry = SecretExpiry.read(request.secretExpiresAt(), now);
        validation.checkSecretEnd(kind, secretExpiry);
        AuthConfig entity = new AuthConfig();
        entity.id = UUID.randomUUID();
        entity.tenant = caller.tenant();
        entity.name = request.name().strip();
        entity.category = kind.category();
        entity.provider = kind.provider();
        entity.authType = kind.authType();
        entity.environment = request.environment();
        entity.description = request.description();
        entity.config = Json.toMap(config);
        entity.secretFields = hints(Json.toStrings(secretValues), Map.of(), now, Map.of());
        entity.status = AuthConfigStatus.ACTIVE;
        expiry.renew(entity, secretExpiry, now);
        entity.createdBy = caller.actor();
        entity.createdAt = now;
        entity.updatedAt = now;
        SecretPath path = SecretPath.authConfig(caller.tenant(), entity.id);
        Map<String, String> values = Json.toStrings(secretValues);
        return Panache.withTransaction(() -> refuseTakenName(caller.tenant(), entity.name)
                        .chain(() -> values.isEmpty() ? Uni.createFrom().item(0L) : secrets.write(path, values, 0))
                        .invoke(version -> entity.secretVersion = version)
                        .chain(() -> repository.persist(entity))
                        .call(() -> events.created(caller, entity)))
                .onFailure().call(() -> values.isEmpty() ? Uni.createFrom().voidItem() : secrets.destroy(path));
    }

    public Uni<AuthConfig> get(Caller caller, UUID id) {
        return Panache.withSession(() -> found(caller, id));
    }

    public Uni<List<AuthConfig>> list(AuthConfigQuery query) {
        return Panache.withSession(() -> repository.page(query));
    }

    /**
     * Applies {@code changes} if the auth config is still at {@code expectedVersion} (when given). New secrets are a new
     * version; the older ones are erased once the row refers to it.
     */
    public Uni<AuthConfig> update(Caller caller, UUID id, OptionalLong expectedVersion, AuthConfigChanges changes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SecretExpiry secretExpiry = SecretExpiry.read(changes.secretExpiresAt(), now);
        boolean newSecrets = changes.secrets() != null && !changes.secrets().isEmpty();
        return Panache.withTransaction(() -> found(caller, id).chain(entity -> {
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != entity.version) {
                throw new PreconditionFailedException("The auth config changed since version " + expectedVersion.getAsLong()
                        + "; it is at version " + entity.version + ". Read it again and retry.");
            }
            AuthConfigKind kind = kinds.of(entity);
            validation.checkSecretEnd(kind, secretExpiry);
            ObjectNode config = Json.merge(kind.completed(Json.toObject(entity.config)), changes.config());
            DestinationBinding.check(caller, entity, kind.form(), Json.toObject(entity.config), config, changes.secrets());
            List<String> changed = changedFields(entity, changes);
            Uni<Void> nameFree = changes.name() != null && !changes.name().strip().equals(entity.name)
                    ? refuseTakenName(caller.tenant(), changes.name().strip()) : Uni.createFrom().voidItem();
            Uni<Void> environmentFree = changes.environment() != null && !changes.environment().equals(entity.environment)
                    ? refuseOtherEnvironments(caller.tenant(), entity.id, changes.environment()) : Uni.createFrom().voidItem();
            return nameFree.chain(() -> environmentFree).chain(() -> newSecretVersion(entity, kind, config, changes.secrets()))
                    .map(secretVersion -> {
                        apply(entity, changes, config);
                        secretVersion.ifPresent(version -> entity.secretVersion = version);
                        entity.updatedAt = now;
                        return entity;
                    })
                    .chain(applied -> {
                        // New secrets end when the edit says, or at no known time: the old end was the old secrets'.
                        AuthConfigStatus before = entity.status;
                        if (secretExpiry.given() || newSecrets) {
                            if (!Objects.equals(secretExpiry.at(), entity.secretExpiresAt)) {
                                changed.add(SecretExpiry.FIELD);
                            }
                            expiry.renew(entity, secretExpiry, now);
                        }
                        return repository.flush().call(() -> events.updated(caller, entity, changed))
                                .call(() -> entity.status == before ? Uni.createFrom().voidItem() : events.statusChanged(caller,
                                        entity, before, newSecrets ? "the secret was replaced" : "the secret's end moved"));
                    })
                    .replaceWith(entity);
        })).call(entity -> !newSecrets ? Uni.createFrom().voidItem()
                : secrets.prune(SecretPath.authConfig(entity.tenant, entity.id), entity.secretVersion));
    }

    /** An auth config serves connections of its environment only: one that connections elsewhere use keeps serving them. */
    private Uni<Void> refuseOtherEnvironments(String tenant, UUID id, String environment) {
        return usage.otherEnvironments(tenant, id, environment).invoke(others -> {
            if (!others.isEmpty()) {
                throw new ConflictException("Connections in " + String.join(" and ", others) + " use the auth config, so it"
                        + " cannot serve " + environment + " only; delete or move them first, or leave its environment unset.");
            }
        }).replaceWithVoid();
    }

    /**
     * Deletes an auth config that no connection uses, and destroys its secret. connected-apps-service, which owns
     * connections, has the last word: it retires the auth config (no connection can be made from it afterwards) or
     * refuses because connections use it, and only then is the row deleted. Should that last step fail, the auth
     * config stays, retired; deleting it again completes the deletion.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        SecretPath path = SecretPath.authConfig(caller.tenant(), id);
        return Panache.withSession(() -> found(caller, id))
                .chain(() -> retire(caller.tenant(), id))
                .chain(() -> Panache.withTransaction(() -> found(caller, id)
                        .call(entity -> repository.delete(entity).call(() -> events.deleted(caller, entity)))))
                .chain(() -> secrets.destroy(path));
    }

    /**
     * connected-apps-service's word. No answer (down, timed out, a 5xx) is a 503: the auth config stays, though it
     * may have been retired already, and deleting it again finishes. A 4xx is our own misconfiguration (the
     * service's client refused), so it is an internal error, logged, not "try again".
     */
    private Uni<Void> retire(String tenant, UUID id) {
        return connectedApps.retire(tenant, id)
                .onFailure(AuthConfigService::unanswered).transform(failure -> {
                    LOG.warnf("connected-apps-service did not answer the retirement of auth config %s: %s", id, failure.toString());
                    return new UnavailableException("connected-apps-service did not confirm that no connection uses the auth"
                            + " config, so it was not deleted (it may already refuse new connections); delete it again to"
                            + " finish, shortly.");
                })
                .onFailure(WebApplicationException.class).transform(refused -> new IllegalStateException(
                        "connected-apps-service refused the retirement call with " + ((WebApplicationException) refused)
                                .getResponse().getStatus() + ": check the service's OIDC client and its role", refused))
                .invoke(retirement -> {
                    if (!retirement.retired()) {
                        throw new ConflictException("The auth config is used by " + retirement.connections() + " connection"
                                + (retirement.connections() == 1 ? "" : "s") + "; delete or move them first.");
                    }
                })
                .replaceWithVoid();
    }

    private static boolean unanswered(Throwable failure) {
        return !(failure instanceof WebApplicationException refusal) || refusal.getResponse().getStatus() >= 500;
    }

    /**
     * Tests an auth config against the real provider or system, outside any transaction, then stores the
     * outcome: status ACTIVE or ERROR and an {@code auth_config.tested} event; when there was nothing to test, the
     * outcome only, the status kept as it was. A test is not an edit: the
     * version (the ETag) stays, so an edit prepared before the test still applies. A tenant runs a bounded number
     * of tests at once ({@link TestSlots}).
     */
    public Uni<AuthConfig> test(Caller caller, UUID id) {
        Context requestContext = Vertx.currentContext();
        return Panache.withSession(() -> found(caller, id))
                .chain(entity -> slots.run(caller.tenant(), () -> secretValues(entity)
                        .chain(values -> tester.test(entity, kinds.of(entity), values))))
                // The test ends on an HTTP client's or a worker's thread; the database session needs the request's own.
                .emitOn(command -> requestContext.runOnContext(ignored -> command.run()))
                .chain(outcome -> Panache.withTransaction(() -> repository.lockInTenant(caller.tenant(), id)
                        .onItem().ifNull().failWith(NotFoundException::new)
                        .chain(entity -> recordTest(caller, entity, outcome))));
    }

    /**
     * Stores a test's outcome on the locked auth config with the status it leads to: ACTIVE or ERROR, kept when nothing
     * was tested or the secret has passed its end (EXPIRED until a new secret or end); each change an event.
     */
    private Uni<AuthConfig> recordTest(Caller caller, AuthConfig entity, ProbeResult outcome) {
        AuthConfigStatus before = entity.status;
        boolean kept = !outcome.tested() || AuthConfigExpiry.ended(entity, Instant.now());
        AuthConfigStatus status = kept ? null : outcome.ok() ? AuthConfigStatus.ACTIVE : AuthConfigStatus.ERROR;
        String reason = outcome.ok() ? null : "test failed: " + outcome.category() + ": " + outcome.message();
        return repository.recordTest(caller.tenant(), entity.id, outcome, status, reason)
                .chain(() -> Panache.getSession().chain(session -> session.refresh(entity)))
                .chain(() -> outcome.tested() ? events.tested(caller, entity, outcome) : Uni.createFrom().voidItem())
                .chain(() -> entity.status == before ? Uni.createFrom().voidItem()
                        : events.statusChanged(caller, entity, before,
                                entity.statusReason == null ? "test passed" : entity.statusReason))
                .replaceWith(entity);
    }

    /**
     * Tests settings before they are saved (a form's "Test" before "Create"): checked as a create would check them, run
     * against the real provider or system under the tenant's test slots, and then forgotten: no row, no secret, no event.
     */
    public Uni<ProbeResult> testDraft(Caller caller, DraftAuthConfig draft) {
        AuthConfigKind kind = kinds.resolve(draft.category(), draft.provider(), draft.type(), draft.config());
        ObjectNode secretValues = objectOrEmpty(draft.secrets());
        validation.check(kind, objectOrEmpty(draft.config()), secretValues);
        ObjectNode config = kind.completed(objectOrEmpty(draft.config()));
        return slots.run(caller.tenant(), () -> tester.test(unsaved(caller, kind, config), kind, Json.toStrings(secretValues)));
    }

    /**
     * Tests an auth config as an edit would leave it, before the edit is saved (an edit form's "Test"): the changes are
     * merged over the stored settings as {@link #update} merges them, a secret the changes leave out is the stored one,
     * and a stored secret goes only where it is bound ({@link DestinationBinding}: an edit that moves it elsewhere gives
     * it again). Nothing is stored: the auth config's status, last test, version and events stay as they are.
     */
    public Uni<ProbeResult> testChanges(Caller caller, UUID id, AuthConfigChanges changes) {
        return Panache.withSession(() -> found(caller, id)).chain(entity -> {
            AuthConfigKind kind = kinds.of(entity);
            ObjectNode config = Json.merge(kind.completed(Json.toObject(entity.config)), changes.config());
            DestinationBinding.check(caller, entity, kind.form(), Json.toObject(entity.config), config, changes.secrets());
            return secretValues(entity).chain(stored -> {
                ObjectNode secretValues = Json.merge(Json.toObject(stored), changes.secrets());
                validation.check(kind, config, secretValues);
                return slots.run(caller.tenant(),
                        () -> tester.test(unsaved(caller, kind, config), kind, Json.toStrings(secretValues)));
            });
        });
    }

    /** Settings being tested, not an auth config of the tenant's: no id, no row. */
    private static AuthConfig unsaved(Caller caller, AuthConfigKind kind, ObjectNode config) {
        AuthConfig unsaved = new AuthConfig();
        unsaved.tenant = caller.tenant();
        unsaved.category = kind.category();
        unsaved.provider = kind.provider();
        unsaved.authType = kind.authType();
        unsaved.config = Json.toMap(config);
        return unsaved;
    }

    /** The secret fields' values at the version the row refers to; empty when none is set. */
    public Uni<Map<String, String>> secretValues(AuthConfig entity) {
        if (entity.secretVersion == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return secrets.read(SecretPath.authConfig(entity.tenant, entity.id), entity.secretVersion).map(secret -> secret.fields());
    }

    private Uni<AuthConfig> found(Caller caller, UUID id) {
        return repository.findInTenant(caller.tenant(), id).onItem().ifNull().failWith(NotFoundException::new);
    }

    private Uni<Void> refuseTakenName(String tenant, String name) {
        return repository.nameTaken(tenant, name).invoke(taken -> {
            if (taken) {
                throw new ConflictException("An auth config named '" + name + "' already exists.");
            }
        }).replaceWithVoid();
    }

    /**
     * Validates the merged config and, when secrets change, writes every secret field (old and new) as a new
     * version of the secret, after the newest one the store holds.
     */
    private Uni<Optional<Long>> newSecretVersion(AuthConfig entity, AuthConfigKind kind, ObjectNode config, ObjectNode secretChanges) {
        if (secretChanges == null || secretChanges.isEmpty()) {
            validation.check(kind, config, null);
            return Uni.createFrom().item(Optional.empty());
        }
        SecretPath path = SecretPath.authConfig(entity.tenant, entity.id);
        return secretValues(entity).chain(old -> {
            ObjectNode merged = Json.merge(Json.toObject(old), secretChanges);
            validation.check(kind, config, merged);
            Map<String, String> values = Json.toStrings(merged);
            entity.secretFields = hints(values, entity.secretFields, Instant.now().truncatedTo(ChronoUnit.MICROS), old);
            return secrets.versions(path).chain(versions -> {
                long newest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
                return secrets.write(path, values, newest);
            }).map(Optional::of);
        });
    }

    private static void apply(AuthConfig entity, AuthConfigChanges changes, ObjectNode config) {
        if (changes.name() != null) {
            entity.name = changes.name().strip();
        }
        if (changes.environment() != null) {
            entity.environment = changes.environment();
        }
        if (changes.description() != null) {
            entity.description = changes.description();
        }
        entity.config = Json.toMap(config);
    }

    /** The fields a change names, for the event: values never, only names. */
    private static List<String> changedFields(AuthConfig entity, AuthConfigChanges changes) {
        List<String> changed = new ArrayList<>();
        if (changes.name() != null && !changes.name().strip().equals(entity.name)) {
            changed.add("name");
        }
        if (changes.environment() != null && !changes.environment().equals(entity.environment)) {
            changed.add("environment");
        }
        if (changes.description() != null && !changes.description().equals(entity.description)) {
            changed.add("description");
        }
        if (changes.config() != null) {
            changes.config().fieldNames().forEachRemaining(field -> changed.add("config." + field));
        }
        if (changes.secrets() != null) {
            changes.secrets().fieldNames().forEachRemaining(field -> changed.add("secrets." + field));
        }
        return changed;
    }

    /** A hint per secret field: kept for a value that did not change, new for one that did. */
    private static Map<String, SecretField> hints(Map<String, String> values, Map<String, SecretField> before, Instant now,
            Map<String, String> oldValues) {
        Map<String, SecretField> hints = new LinkedHashMap<>();
        values.forEach((field, value) -> hints.put(field, value.equals(oldValues.get(field)) && before.containsKey(field)
                ? before.get(field) : SecretField.of(value, now)));
        return hints;
    }

    private static ObjectNode objectOrEmpty(ObjectNode node) {
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }
}
