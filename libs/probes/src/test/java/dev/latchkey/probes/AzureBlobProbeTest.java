package dev.latchkey.probes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Azure Blob probe against Azurite, Microsoft's Blob service emulator (npm; {@code ./latchkey test} installs it in
 * src/test/azurite), with its documented account: Shared Key signed the way the Azure SDKs sign.
 */
class AzureBlobProbeTest {

    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String WRONG_KEY = "d3JvbmctYXp1cmUta2V5LW5vdC10aGUtYWNjb3VudHMtb3duLWtleS0wMTIzNDU2Nzg5";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Path AZURITE = Path.of("src/test/azurite/node_modules/.bin/azurite-blob");

    @TempDir
    static Path data;
    private static LocalProcessServer azurite;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startAzurite() throws Exception {
        assertTrue(Files.isExecutable(AZURITE), "Azurite is missing: run npm ci in libs/probes/src/test/azurite (./latchkey test does)");
        int port = Endpoints.closedPort();
        azurite = LocalProcessServer.start(List.of(AZURITE.toString(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                "--location", data.toString(), "--skipApiVersionCheck", "--disableTelemetry", "--silent"), port,
                data.resolve("azurite.log"), Duration.ofSeconds(60));
        createContainer("orders");
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void theAccountKeyListsTheContainers() {
        ProbeResult result = probes.test("azure-blob", parameters(KEY, null), TIMEOUT);
        assertSucceeded(result);
        assertEquals("listed the containers of storage account devstoreaccount1", result.message());
    }

    @Test
    void anExistingContainerIsRead() {
        ProbeResult result = probes.test("azure-blob", parameters(KEY, "orders"), TIMEOUT);
        assertSucceeded(result);
        assertEquals("read container orders of storage account devstoreaccount1", result.message());
    }

    @Test
    void aWrongKeyIsAuthFailed() {
        assertFailed(probes.test("azure-blob", parameters(WRONG_KEY, "orders"), TIMEOUT), FailureCategory.AUTH_FAILED, WRONG_KEY);
    }

    @Test
    void aMissingContainerIsConfig() {
        ProbeResult result = probes.test("azure-blob", parameters(KEY, "no-such-container"), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG, KEY);
        assertTrue(result.message().contains("does not exist"), result.message());
    }

    @Test
    void anIncompleteConnectionStringIsConfig() {
        Map<String, Object> parameters = Map.of("connectionString", "AccountName=devstoreaccount1;EndpointSuffix=core.windows.net");
        ProbeResult result = probes.test("azure-blob", parameters, TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG);
        assertTrue(result.message().contains("neither an AccountKey nor a SharedAccessSignature"), result.message());
    }

    @Test
    void aContainerNameThatMakesNoUrlIsConfigAndTheSignatureIsNotQuoted() {
        Map<String, Object> parameters = Map.of("container", "no such container", "connectionString", "BlobEndpoint=http://127.0.0.1:"
                + azurite.port() + "/" + ACCOUNT + ";SharedAccessSignature=sv=2021-08-06&ss=b&srt=sco&sp=rl&sig=sas-signature-5e2b");
        assertFailed(probes.test("azure-blob", parameters, TIMEOUT), FailureCategory.CONFIG, "sas-signature-5e2b");
    }

    @Test
    void closedAndSilentEndpointsAreUnreachableAndTimeout() throws Exception {
        assertFailed(probes.test("azure-blob", parameters(KEY, null, Endpoints.closedPort()), TIMEOUT), FailureCategory.UNREACHABLE, KEY);
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("azure-blob", parameters(KEY, null, silent.port()), Duration.ofSeconds(1)), FailureCategory.TIMEOUT,
                    KEY);
        }
    }

    private static Map<String, Object> parameters(String key, String container) {
        return parameters(key, container, azurite.port());
    }

    private static Map<String, Object> parameters(String key, String container, int port) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("connectionString", connectionString(key, port));
        if (container != null) {
            parameters.put("container", container);
        }
        return parameters;
    }

    private static String connectionString(String key, int port) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + key + ";BlobEndpoint=http://127.0.0.1:"
                + port + "/" + ACCOUNT + ";";
    }

    /** Create Container, signed as the probe signs its reads. */
    private static void createContainer(String name) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + azurite.port() + "/" + ACCOUNT + "/" + name + "?restype=container");
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.noBody());
        SharedKey.sign(request, "PUT", AzureConnectionString.parse(connectionString(KEY, azurite.port())), url);
        HttpResponse<String> created = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }
}
