package dev.latchkey.probes;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Native;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes and the catalog's native connectors agree: on the drivers, and on which parameters are secret. */
class CatalogDriversTest {

    private final List<Native> natives = Catalog.load().offering(AuthType.NATIVE).stream()
            .flatMap(entry -> entry.auth().stream()).filter(Native.class::isInstance).map(Native.class::cast).toList();

    @Test
    void everySecretParameterOfTheCatalogIsRedactedFromProbeMessages() {
        Set<String> secret = new TreeSet<>();
        natives.forEach(option -> option.connectionParameters().names().stream()
                .filter(option.connectionParameters()::isSecret).forEach(secret::add));

        assertTrue(ProbeTarget.SECRET_NAMES.containsAll(secret), "not redacted: " + secret);
    }

    @Test
    void theDriversWithoutAProbeAreTheOnesWeKnowOf() {
        Set<String> withoutProbe = new TreeSet<>();
        natives.stream().map(Native::driver).filter(driver -> !TestGuards.loopbackProbes().drivers().contains(driver))
                .forEach(withoutProbe::add);

        assertEquals(Set.of("azure-service-bus", "bigquery", "cassandra",
                "dynamodb", "gcs", "google-pubsub", "neo4j", "oracle", "pulsar", "snowflake",
                "sqs"), withoutProbe);
    }
}
