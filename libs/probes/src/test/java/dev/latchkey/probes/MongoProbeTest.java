package dev.latchkey.probes;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerListener;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MongoDB probe's classification: no MongoDB server runs here, so these show what a user sees when the
 * address is wrong, the server hangs, or TLS is asked of a server that speaks none.
 */
class MongoProbeTest {

    private static final String PASSWORD = "mongo-secret-9f4c";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final String PINNED_NAME = "mongo.latchkey.invalid";

    private final Probes probes = TestGuards.loopbackProbes();

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("mongodb", parameters(Endpoints.closedPort(), false), TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("mongodb", parameters(silent.port(), false), TIMEOUT), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            assertFailed(probes.test("mongodb", parameters(plain.port(), true), TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }

    /** With a replica set the driver would connect to the members the server lists; the probe stays on the checked address. */
    @Test
    void aReplicaSetIsReachedOnlyAtTheCheckedAddress() throws Exception {
        ProbeTarget target = new ProbeTarget("mongodb", Map.of("host", PINNED_NAME, "port", 27017, "replicaSet", "rs0", "tls", true),
                TestGuards.resolvingForTheGuardOnly(PINNED_NAME), TIMEOUT);
        MongoClientSettings settings = MongoProbe.settings(target, new ServerListener() { });

        assertEquals(ClusterConnectionMode.SINGLE, settings.getClusterSettings().getMode());
        assertEquals("rs0", settings.getClusterSettings().getRequiredReplicaSetName());
        assertEquals(List.of(new ServerAddress(PINNED_NAME, 27017)), settings.getClusterSettings().getHosts());
        InetAddress resolved = settings.getInetAddressResolver().lookupByName(PINNED_NAME).get(0);
        assertEquals(InetAddress.getLoopbackAddress(), resolved);
        assertEquals(PINNED_NAME, resolved.getHostName(), "TLS sends and verifies the name");
        assertThrows(UnknownHostException.class, () -> settings.getInetAddressResolver().lookupByName("mongo-2.internal"));
    }

    private static Map<String, Object> parameters(int port, boolean tls) {
        return Map.of("host", "127.0.0.1", "port", port, "database", "app", "username", "latchkey", "password", PASSWORD, "tls", tls);
    }
}
