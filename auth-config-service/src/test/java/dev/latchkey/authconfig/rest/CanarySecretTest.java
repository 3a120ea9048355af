package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A canary secret goes in and must never come out: not in a response, a log line or an event. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CanarySecretTest extends AuthConfigTestBase {

    private static final String CANARY = "canary-7f3e9c1d-never-show-me";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;


    @Test
    void theCanaryNeverLeaves() {
        try (LogCapture logs = LogCapture.start()) {
            String tenant = newTenant();
            List<String> bodies = new ArrayList<>();
            var created = create(tenant, """
                    {"name": "canary", "category": "oauth2_provider", "provider": "github",
                     "config": {"clientId": "c"}, "secrets": {"clientSecret": "%s"}}""".formatted(CANARY)).statusCode(201).extract();
            bodies.add(created.asString());
            String id = created.path("id");
            bodies.add(admin(tenant).get(AUTH_CONFIGS + "/" + id).asString());
            bodies.add(admin(tenant).get(AUTH_CONFIGS).asString());
            bodies.add(admin(tenant).body("{\"secrets\": {\"clientSecret\": \"%s-2\"}}".formatted(CANARY))
                    .patch(AUTH_CONFIGS + "/" + id).asString());
            bodies.add(admin(tenant).body("{\"config\": {\"clientId\": \"c\", \"bogus\": \"%s\"}}".formatted(CANARY))
                    .patch(AUTH_CONFIGS + "/" + id).asString());
            bodies.add(admin(tenant).body("{\"secrets\": {\"clientSecret\": 12, \"extra\": \"%s\"}}".formatted(CANARY))
                    .patch(AUTH_CONFIGS + "/" + id).asString());
            bodies.add(as(tenant, "viewer").body("{\"secrets\": {\"clientSecret\": \"%s\"}}".formatted(CANARY))
                    .patch(AUTH_CONFIGS + "/" + id).asString());

            bodies.forEach(body -> assertFalse(body.contains(CANARY), body));
            var events = TopicReader.readFor(bootstrapServers, "latchkey.auth-configs.v1", Duration.ofSeconds(5));
            events.addAll(TopicReader.readFor(bootstrapServers, "latchkey.access.v1", Duration.ofSeconds(3)));
            events.forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
            logs.lines().forEach(line -> assertFalse(line.contains(CANARY), line));
        }
    }
}
