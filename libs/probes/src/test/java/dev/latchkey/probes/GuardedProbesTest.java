package dev.latchkey.probes;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every probe shares: the SSRF guard, the missing parameters, the unknown driver, the redaction. */
class GuardedProbesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void loopbackIsRefusedWithConfigWithoutTheAllowList() {
        Probes probes = Probes.all(TestGuards.productionDefaults());
        ProbeResult result = probes.test("postgresql", Map.of("host", "127.0.0.1", "port", 5432, "username", "postgres",
                "password", "guarded-secret-1", "sslMode", "disable"), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG, "guarded-secret-1");
        assertTrue(result.message().contains("internal address"), result.message());
    }

    @Test
    void loopbackUrlIsRefusedWithConfigWithoutTheAllowList() {
        Probes probes = Probes.all(TestGuards.productionDefaults());
        assertFailed(probes.test("elasticsearch", Map.of("url", "http://127.0.0.1:9200"), TIMEOUT), FailureCategory.CONFIG);
    }

    @Test
    void everyBrokerAndServerHostIsGuarded() {
        Probes probes = Probes.all(TestGuards.productionDefaults());
        assertFailed(probes.test("kafka", Map.of("bootstrapServers", "127.0.0.1:9092", "securityProtocol", "PLAINTEXT"), TIMEOUT),
                FailureCategory.CONFIG);
        assertFailed(probes.test("nats", Map.of("servers", "nats://127.0.0.1:4222"), TIMEOUT), FailureCategory.CONFIG);
        assertFailed(probes.test("sftp", Map.of("host", "localhost", "username", "u"), TIMEOUT), FailureCategory.CONFIG);
        assertFailed(probes.test("ldap", Map.of("host", "127.0.0.1", "bindDn", "cn=x", "password", "p"), TIMEOUT),
                FailureCategory.CONFIG);
        assertFailed(probes.test("smtp", Map.of("host", "localhost", "username", "u", "password", "p"), TIMEOUT),
                FailureCategory.CONFIG);
        assertFailed(probes.test("imap", Map.of("host", "127.0.0.1", "username", "u", "password", "p"), TIMEOUT),
                FailureCategory.CONFIG);
    }

    @Test
    void missingRequiredParameterIsConfigNamingIt() {
        ProbeResult result = TestGuards.loopbackProbes().test("redis", Map.of("port", 6379), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG);
        assertTrue(result.message().contains("'host'"), result.message());
    }

    /** Nothing was tried: not a pass, not a failure (no category), and the message says why. */
    @Test
    void aDriverWithoutAProbeIsUntested() {
        ProbeResult result = TestGuards.loopbackProbes().test("gopher", Map.of(), TIMEOUT);

        assertFalse(result.tested() || result.ok(), result.toString());
        assertNull(result.category(), result.toString());
        assertTrue(result.message().contains("no connection test for gopher"), result.message());
    }

    @Test
    void aSecretQuotedBackByAProbeIsRedacted() {
        Probe echo = new Probe() {
            @Override
            public Set<String> drivers() {
                return Set.of("echo");
            }

            @Override
            public String probe(ProbeTarget target) {
                throw new IllegalStateException("server said: bad password " + target.required("password"));
            }
        };
        ProbeResult result = new Probes(List.of(echo), TestGuards.allowingLoopback())
                .test("echo", Map.of("password", "quoted-secret-9"), TIMEOUT);
        assertFalse(result.message().contains("quoted-secret-9"), result.message());
        assertTrue(result.message().contains("[redacted]"), result.message());
    }

    @Test
    void everyCatalogDriverWithAProbeIsRegistered() {
        assertEquals(Set.of("postgresql", "redshift", "mysql", "mariadb", "redis", "rabbitmq", "kafka", "nats", "mqtt", "sftp",
                "ftp", "mongodb", "elasticsearch", "opensearch", "s3", "minio", "ldap", "smtp", "imap", "couchdb", "influxdb",
                "activemq", "azure-blob", "clickhouse", "sqlserver"),
                TestGuards.loopbackProbes().drivers());
    }
}
