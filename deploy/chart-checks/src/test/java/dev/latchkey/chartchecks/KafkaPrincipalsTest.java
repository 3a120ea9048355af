package dev.latchkey.chartchecks;

import dev.latchkey.events.EventSource;
import dev.latchkey.events.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Kafka principal per service, and ACLs that let each write only the topics of the events it publishes (libs/events'
 * EventType.publishers) and read only the topics it consumes (its application.properties), as the production values
 * render them.
 */
class KafkaPrincipalsTest {

    private static final Pattern GRANT = Pattern.compile(
            "acl --allow-principal User:latchkey-([a-z-]+) --operation (Write|Read) --operation Describe --topic (\\S+)");

    @Test
    void eachServiceLogsInAsItsOwnPrincipal() {
        for (EventSource service : EventSource.values()) {
            Manifest deployment = Rendering.production().get("Deployment", "latchkey-" + service.service());

            assertEquals(service.service(), deployment.variable("LATCHKEY_KAFKA_SASL_PASSWORD")
                    .path("valueFrom").path("secretKeyRef").path("key").asText(), deployment.toString());
            String jaas = deployment.variable("KAFKA_SASL_JAAS_CONFIG").path("value").asText();
            assertTrue(jaas.contains("username=\"latchkey-" + service.service() + "\""), jaas);
        }
    }

    @Test
    void eachPrincipalMayWriteExactlyTheTopicsOfTheEventsItsServicePublishes() {
        Map<String, Set<String>> publishes = new TreeMap<>();
        for (EventType type : EventType.values()) {
            type.publishers().forEach(service -> publishes.computeIfAbsent(service.service(), name -> new TreeSet<>()).add(type.topic()));
        }

        assertEquals(publishes, grants("Write"));
    }

    @Test
    void eachPrincipalMayReadExactlyTheTopicsItsServiceConsumes() throws IOException {
        Map<String, Set<String>> consumes = new TreeMap<>();
        for (EventSource service : EventSource.values()) {
            Properties settings = new Properties();
            try (Reader reader = Files.newBufferedReader(Checkout.ROOT.resolve(service.service())
                    .resolve("src/main/resources/application.properties"))) {
                settings.load(reader);
            }
            settings.stringPropertyNames().stream()
                    .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?"))
                    .flatMap(name -> Arrays.stream(settings.getProperty(name).split(",")))
                    .forEach(topic -> consumes.computeIfAbsent(service.service(), name -> new TreeSet<>()).add(topic.strip()));
        }

        assertEquals(consumes, grants("Read"));
    }

    /** The topics the topics Job grants each service {@code operation} on. */
    private static Map<String, Set<String>> grants(String operation) {
        String script = Rendering.production().get("Job", "latchkey-kafka-topics").podSpec().path("containers").get(0)
                .path("command").get(2).asText();
        Map<String, Set<String>> grants = new TreeMap<>();
        Matcher grant = GRANT.matcher(script);
        while (grant.find()) {
            if (grant.group(2).equals(operation)) {
                grants.computeIfAbsent(grant.group(1), name -> new TreeSet<>()).add(grant.group(3));
            }
        }
        return grants;
    }
}
