package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CatalogEntry;
import dev.latchkey.catalog.CustomApi;
import dev.latchkey.catalog.TemplateException;
import dev.latchkey.catalog.TemplateValues;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.knownauthconfigs.ConnectionFields;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.probes.ApiRequestProbe;
import dev.latchkey.probes.FailureCategory;
import dev.latchkey.probes.ProbeResult;
import dev.latchkey.probes.Probes;
import dev.latchkey.probes.TestSlots;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tests a connection against its system, outside any transaction: a native connector's probe, or the catalog
 * entry's test request with the connection's credentials. The outcome is stored; a failure makes an ACTIVE
 * connection ERROR and a success makes an ERROR one ACTIVE. A custom scheme sends the test request its auth config
 * declares ({@link CustomApi}); one that declares none has nothing to test: that is said, and changes nothing. A
 * tenant runs a bounded number of tests at once ({@link TestSlots}).
 */
@ApplicationScoped
public class ConnectionTester {

    private final ConnectionRepository connections;
    private final StoredCredentials stored;
    private final Catalog catalog;
    private final Probes probes;
    private final ApiRequestProbe api;
    private final ConnectionEventWriter events;
    private final Duration timeout;
    private final TestSlots slots;
    private final KnownAuthConfigRepository authConfigs;
    private final ConnectionFields fields;

    public ConnectionTester(ConnectionRepository connections, StoredCredentials stored, Catalog catalog, Probes probes,
            ApiRequestProbe api, ConnectionEventWriter events, ConnectionsConfig config, TestSlots slots,
            KnownAuthConfigRepository authConfigs, ConnectionFields fields) {
        this.fields = fields;
        this.slots = slots;
        this.authConfigs = authConfigs;
        this.connections = connections;
        this.stored = stored;
        this.catalog = catalog;
        this.probes = probes;
        this.api = api;
        this.events = events;
        this.timeout = config.testTimeout();
    }

    /** Tests a connection not made yet: its auth config's fields overridden by the credentials given; nothing is stored. */
    Uni<ProbeResult> testUnsaved(Caller caller, Connection unsaved, KnownAuthConfig authConfig, ObjectNode given) {
        ConnectionFields.Source source = new ConnectionFields.Source(unsaved.tenant, unsaved.id, authConfig, unsaved.config, 0,
                false, null);
        return slots.run(caller.tenant(), () -> fields.read(source).chain(inherited -> {
            Map<String, Object> merged = new HashMap<>(inherited);
            for (String secret : unsaved.secretFields) {
                merged.put(secret, given.get(secret).asText());
            }
            return run(unsaved, merged);
        }));
    }

    public Uni<Connection> test(Caller caller, UUID id) {
        Context requestContext = Vertx.currentContext();
        return Panache.withSession(() -> connections.get(caller.tenant(), id)).invoke(ConnectionTester::refuseUnlessAuthorized)
                .chain(connection -> slots.run(caller.tenant(), () -> stored.current(connection)
                        .chain(current -> run(connection, current.credentials()))))
                // A probe ends on a worker's thread; the database session needs the request's own.
                .emitOn(command -> requestContext.runOnContext(ignored -> command.run()))
                .chain(result -> Panache.withTransaction(() -> connections.getForUpdate(caller.tenant(), id)
                        .call(connection -> record(caller, connection, result))))
                .invoke(() -> stored.forget(id));
    }

    private Uni<ProbeResult> run(Connection connection, Map<String, Object> fields) {
        AuthType type = AuthType.of(connection.authType);
        Optional<CatalogEntry> entry = Optional.ofNullable(connection.provider).flatMap(catalog::find);
        Optional<AuthOption> option = entry.flatMap(found -> found.option(type));
        if (option.orElse(null) instanceof Native connector) {
            return Uni.createFrom().item(() -> probes.test(connector.driver(), fields, timeout))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        if (entry.isEmpty()) {
            return customTest(connection, fields);
        }
        if (option.isEmpty() || entry.get().api().isEmpty()) {
            return Uni.createFrom().item(ProbeResult.untested("nothing to test: the app's catalog entry has no test request;"
                    + " the connection is checked when a workflow uses it"));
        }
        Map<String, String> secretValues = new HashMap<>();
        fields.forEach((name, value) -> secretValues.put(name, String.valueOf(value)));
        try {
            return api.check(entry.get().api().get(), option.get(), TemplateValues.of(option.get(), fields, secretValues), timeout);
        } catch (TemplateException e) {
            return Uni.createFrom().item(ProbeResult.failure(FailureCategory.CONFIG, e.getMessage(), Duration.ZERO));
        }
    }

    /** The test request the custom auth config declares, with the connection's credentials (its own, or the config's). */
    private Uni<ProbeResult> customTest(Connection connection, Map<String, Object> fields) {
        Uni<KnownAuthConfig> known = Panache.withSession(
                () -> authConfigs.findInTenant(connection.tenant, connection.authConfigId));
        return known.chain(authConfig -> {
            Optional<ApiClient> declared = Optional.ofNullable(authConfig).flatMap(found -> CustomApi.testable(found.config));
            if (declared.isEmpty()) {
                return Uni.createFrom().item(ProbeResult.untested("nothing to test: the custom auth config declares no test"
                        + " request (a testPath under its baseUrl); the connection is checked when a workflow uses it"));
            }
            AuthOption option = CustomApi.option(connection.authType, authConfig.config);
            Map<String, String> credentials = new HashMap<>();
            option.type().credentials().stream().filter(fields::containsKey)
                    .forEach(name -> credentials.put(name, String.valueOf(fields.get(name))));
            return api.check(declared.get(), option, TemplateValues.of(option, authConfig.config, credentials), timeout);
        }).onFailure(TemplateException.class)
                .recoverWithItem(broken -> ProbeResult.failure(FailureCategory.CONFIG, broken.getMessage(), Duration.ZERO));
    }

    /** Stores the outcome; when nothing could be tested, the status stays as it is. */
    private Uni<Void> record(Caller caller, Connection connection, ProbeResult result) {
        connection.lastTest = result;
        if (!result.tested()) {
            return connections.flush();
        }
        ConnectionStatus before = connection.status;
        if (before == ConnectionStatus.ACTIVE && !result.ok() || before == ConnectionStatus.ERROR && result.ok()) {
            connection.status = result.ok() ? ConnectionStatus.ACTIVE : ConnectionStatus.ERROR;
            connection.statusReason = result.ok() ? null : "test failed: " + result.message();
        }
        Uni<Void> tested = connections.flush().chain(() -> events.tested(caller, connection, result));
        return before == connection.status ? tested
                : tested.chain(() -> events.statusChanged(caller.actor(), connection, before, connection.statusReason));
    }

    private static void refuseUnlessAuthorized(Connection connection) {
        if (connection.status == ConnectionStatus.EXPIRED) {
            throw CredentialsService.expired(connection);
        }
        if (connection.status == ConnectionStatus.PENDING) {
            throw new ConflictException("The connection has no valid authorization to test: authorize it with"
                    + " POST /api/v1/connections/" + connection.id + "/reauthorize.");
        }
    }
}
