package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' egress NetworkPolicies: DNS and the dependencies open, public addresses open to the services that
 * call OAuth2 providers and tenants' systems, and private, link-local, loopback, CGNAT and cluster addresses closed to
 * every service, whatever the SSRF guard would let through.
 */
class EgressPolicyTest {

    /** Cloud metadata, loopback, CGNAT, RFC 1918, IPv6 unique-local and link-local, and the production cluster's Services. */
    private static final List<String> INTERNAL = List.of("169.254.169.254", "127.0.0.1", "100.64.0.1", "10.0.0.1",
            "172.16.0.1", "192.168.1.1", "fd00::1", "fe80::1", "::1");
    private static final String PRODUCTION_CLUSTER_SERVICE = "34.118.224.10";
    private static final Set<String> CALL_PROVIDERS = Set.of("auth-config-service", "connected-apps-service", "token-refresher", "gateway");
    /** A port no dependency uses: reaching a public address on it takes the public-address rule. */
    private static final int PROVIDER_PORT = 6443;

    static Stream<Manifest> egressPolicies() {
        return Rendering.everyManifest().filter(manifest -> manifest.kind().equals("NetworkPolicy") && isEgress(manifest));
    }

    private static boolean isEgress(Manifest policy) {
        return texts(policy.body().path("spec").path("policyTypes")).contains("Egress");
    }

    static Stream<Rendering> renderings() {
        return Rendering.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceHasOneEgressPolicy(Rendering rendering) {
        for (Manifest deployment : rendering.ofKind("Deployment")) {
            assertEquals(1, rendering.ofKind("NetworkPolicy").stream().filter(policy -> isEgress(policy)
                    && policy.component().equals(deployment.component())).count(), deployment + " has not exactly one egress policy");
        }
    }

    /** The production values list the cluster's Service range, a public block: no service reaches it. */
    @Test
    void clusterCidrsAreUnreachable() throws UnknownHostException {
        for (Manifest policy : Rendering.production().ofKind("NetworkPolicy")) {
            assertFalse(reaches(policy, PRODUCTION_CLUSTER_SERVICE, PROVIDER_PORT), policy + " reaches a cluster address");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressPolicies")
    void internalAddressesAreUnreachable(Manifest policy) throws UnknownHostException {
        for (String address : INTERNAL) {
            for (int port : List.of(PROVIDER_PORT, 443, 5432, 8200, 9092)) {
                assertFalse(reaches(policy, address, port), policy + " reaches " + address + ":" + port);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressPolicies")
    void publicAddressesOnAnyPortOnlyForTheServicesThatCallProviders(Manifest policy) throws UnknownHostException {
        boolean callsProviders = CALL_PROVIDERS.contains(policy.component());
        for (String address : List.of("8.8.8.8", "2001:4860:4860::8888")) {
            assertEquals(callsProviders, reaches(policy, address, PROVIDER_PORT), policy + " and " + address);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressPolicies")
    void dnsIsOpenOnUdpAndTcp(Manifest policy) {
        JsonNode dns = policy.body().path("spec").path("egress").get(0);
        assertFalse(dns.path("to").isEmpty(), policy + ": DNS rule without peers would open every address");
        assertEquals(Set.of("53/UDP", "53/TCP"), Set.copyOf(ports(dns)), policy + ": DNS ports");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressPolicies")
    void everyRuleNamesItsPeers(Manifest policy) {
        for (JsonNode rule : policy.body().path("spec").path("egress")) {
            assertFalse(rule.path("to").isEmpty(), policy + " has a rule without peers: it opens every address");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void connectedAppsServiceReachesTokenRefresher(Rendering rendering) {
        Manifest policy = rendering.get("NetworkPolicy", "latchkey-connected-apps-service-egress");
        assertTrue(policy.body().path("spec").path("egress").findValues("matchLabels").stream()
                .anyMatch(labels -> labels.path("app.kubernetes.io/name").asText().equals("token-refresher")), policy.text());
    }

    /** Whether an ipBlock peer of a rule with that port (or no ports) lets the address through. */
    private static boolean reaches(Manifest policy, String address, int port) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        for (JsonNode rule : policy.body().path("spec").path("egress")) {
            boolean portOpen = rule.path("ports").isEmpty() || ports(rule).contains(port + "/TCP");
            for (JsonNode peer : rule.path("to")) {
                JsonNode block = peer.path("ipBlock");
                if (portOpen && !block.isMissingNode() && contains(block.path("cidr").asText(), bytes)
                        && texts(block.path("except")).stream().noneMatch(except -> contains(except, bytes))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String cidr, byte[] address) {
        String[] parts = cidr.split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            // Java turns ::ffff:a.b.c.d into IPv4: such a block holds no IPv6 address here.
            if (network.length != address.length || cidr.contains(":") != (address.length == 16)) {
                return false;
            }
            int hostBits = address.length * 8 - Integer.parseInt(parts[1]);
            return new BigInteger(1, network).shiftRight(hostBits).equals(new BigInteger(1, address).shiftRight(hostBits));
        } catch (UnknownHostException e) {
            throw new AssertionError("not a CIDR block: " + cidr, e);
        }
    }

    private static List<String> ports(JsonNode rule) {
        return rule.path("ports").findParents("port").stream()
                .map(port -> port.path("port").asText() + "/" + port.path("protocol").asText("TCP")).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
