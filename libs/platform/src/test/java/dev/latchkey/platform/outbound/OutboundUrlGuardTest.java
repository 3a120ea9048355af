package dev.latchkey.platform.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboundUrlGuardTest {

    private static final OutboundUrlGuard DEFAULTS = new OutboundUrlGuard(config(false, List.of(), List.of()));

    @Test
    void publicHttpsUrlPassesWithTheAddressItWasCheckedAt() {
        var guard = new OutboundUrlGuard(config(false, List.of(), List.of()), resolving("api.example.com", "93.184.216.34"));

        OutboundTarget target = guard.check(URI.create("https://api.example.com/oauth/token"));

        assertEquals("93.184.216.34", target.address().getHostAddress());
    }

    @Test
    void plainHttpIsRefusedUnlessTheOperatorAllowsIt() {
        var refused = assertThrows(RefusedOutboundUrlException.class,
                () -> DEFAULTS.check(URI.create("http://93.184.216.34/token")));
        assertEquals("only https URLs are allowed", refused.errors().get(0).message());

        var lenient = new OutboundUrlGuard(config(true, List.of(), List.of()));
        assertEquals("93.184.216.34", lenient.check(URI.create("http://93.184.216.34/token")).address().getHostAddress());
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefused() {
        assertThrows(RefusedOutboundUrlException.class, () -> DEFAULTS.check(URI.create("https://localhost/token")));
    }

    @Test
    void hostNameResolvingToAPrivateAddressIsRefusedWithoutNamingTheAddress() {
        var guard = new OutboundUrlGuard(config(false, List.of(), List.of()), resolving("evil.example", "10.1.2.3"));

        var refused = assertThrows(RefusedOutboundUrlException.class, () -> guard.check(URI.create("https://evil.example/")));

        assertFalse(refused.getMessage().contains("10.1.2.3"));
    }

    @Test
    void oneInternalAddressAmongPublicOnesIsEnoughToRefuse() {
        var guard = new OutboundUrlGuard(config(false, List.of(), List.of()),
                resolving("split.example", "93.184.216.34", "fd00:ec2::254"));

        assertThrows(RefusedOutboundUrlException.class, () -> guard.check(URI.create("https://split.example/")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.1.1",
            "169.254.169.254", "224.0.0.1", "[::1]", "[::]", "[fe80::1]", "[fd00:ec2::254]", "[fc00::1]",
            "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[2002:a00:1::1]", "[ff02::1]"})
    void internalAddressesAreRefused(String host) {
        assertThrows(RefusedOutboundUrlException.class, () -> DEFAULTS.check(URI.create("https://" + host + "/x")));
    }

    @Test
    void operatorAllowListOpensExactlyWhatItNames() {
        var guard = new OutboundUrlGuard(config(false, List.of("idp.corp.internal"), List.of("10.20.0.0/16")),
                resolving("idp.corp.internal", "10.9.9.9"));

        assertEquals("10.9.9.9", guard.check(URI.create("https://idp.corp.internal/token")).address().getHostAddress());
        assertEquals("10.20.1.1", guard.check(URI.create("https://10.20.1.1/token")).address().getHostAddress());
        assertThrows(RefusedOutboundUrlException.class, () -> guard.check(URI.create("https://10.21.0.1/token")));
    }

    @Test
    void userInfoAndUnresolvableHostsAreRefused() {
        assertThrows(RefusedOutboundUrlException.class, () -> DEFAULTS.check(URI.create("https://user:pw@93.184.216.34/")));
        var guard = new OutboundUrlGuard(config(false, List.of(), List.of()), host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(RefusedOutboundUrlException.class, () -> guard.check(URI.create("https://nowhere.invalid/")));
    }

    /** Resolves {@code name} to {@code addresses}, and IP literals to themselves. */
    private static OutboundUrlGuard.Resolver resolving(String name, String... addresses) {
        Map<String, String[]> table = Map.of(name, addresses);
        return host -> {
            String[] found = table.get(host);
            if (found == null) {
                return InetAddress.getAllByName(host);   // the tests pass IP literals: no DNS query
            }
            InetAddress[] resolved = new InetAddress[found.length];
            for (int i = 0; i < found.length; i++) {
                resolved[i] = InetAddress.getByName(found[i]);
            }
            return resolved;
        };
    }

    private static OutboundConfig config(boolean allowHttp, List<String> hosts, List<String> cidrs) {
        return new TestOutboundConfig(allowHttp, hosts, cidrs);
    }
}
