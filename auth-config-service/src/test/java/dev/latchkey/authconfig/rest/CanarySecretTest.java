package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.latchkey.authconfig.rest.Api.AUTH_CONFIGS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A canary secret goes in and must never come out: not in a response, a log line or an event. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CanarySecretTest {

    private static final String CANARY = "canary-7f3e9c1d-never-show-me";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getMessage() + " " + Arrays.toString(record.getParameters())
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theCanaryNeverLeaves() {
        String tenant = Api.newTenant();
        List<String> bodies = new ArrayList<>();
        var created = Api.create(tenant, """
                {"name": "canary", "category": "oauth2_provider", "provider": "github",
                 "config": {"clientId": "c"}, "secrets": {"clientSecret": "%s"}}""".formatted(CANARY)).statusCode(201).extract();
        bodies.add(created.asString());
        String id = created.path("id");
        bodies.add(Api.admin(tenant).get(AUTH_CONFIGS + "/" + id).asString());
        bodies.add(Api.admin(tenant).get(AUTH_CONFIGS).asString());
        bodies.add(Api.admin(tenant).body("{\"secrets\": {\"clientSecret\": \"%s-2\"}}".formatted(CANARY))
                .patch(AUTH_CONFIGS + "/" + id).asString());
        bodies.add(Api.admin(tenant).body("{\"config\": {\"clientId\": \"c\", \"bogus\": \"%s\"}}".formatted(CANARY))
                .patch(AUTH_CONFIGS + "/" + id).asString());
        bodies.add(Api.admin(tenant).body("{\"secrets\": {\"clientSecret\": 12, \"extra\": \"%s\"}}".formatted(CANARY))
                .patch(AUTH_CONFIGS + "/" + id).asString());
        bodies.add(Api.as(tenant, "viewer").body("{\"secrets\": {\"clientSecret\": \"%s\"}}".formatted(CANARY))
                .patch(AUTH_CONFIGS + "/" + id).asString());

        bodies.forEach(body -> assertFalse(body.contains(CANARY), body));
        var events = TopicReader.readFor(bootstrapServers, "latchkey.auth-configs.v1", Duration.ofSeconds(5));
        events.addAll(TopicReader.readFor(bootstrapServers, "latchkey.access.v1", Duration.ofSeconds(3)));
        events.forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
        org.jboss.logging.Logger.getLogger(CanarySecretTest.class).info("log capture works");
        synchronized (logLines) {
            assertTrue(logLines.stream().anyMatch(line -> line.contains("log capture works")), "the log capture saw nothing");
            logLines.forEach(line -> assertFalse(line.contains(CANARY), line));
        }
    }
}
