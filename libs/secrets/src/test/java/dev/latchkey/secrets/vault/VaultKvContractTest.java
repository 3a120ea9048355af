package dev.latchkey.secrets.vault;

import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretVersion;
import dev.latchkey.secrets.SecretVersionConflictException;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.latchkey.secrets.vault.VaultStub.TOKEN;
import static dev.latchkey.secrets.vault.VaultStub.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A contract test, not a test against a live Vault (no Vault server can run on our build machines): the
 * {@code vault} backend must send exactly the requests of Vault's documented KV v2 HTTP API (paths under
 * {@code /v1/<mount>/data/} and {@code /v1/<mount>/metadata/}, the {@code X-Vault-Token} header,
 * {@code options.cas} on writes) and understand its documented answers. A request no stub matches gets a 500
 * and is reported after each test.
 */
@QuarkusTest
@WithPostgres
@QuarkusTestResource(value = VaultStub.class, restrictToAnnotatedClass = true)
class VaultKvContractTest {

    private static final String READ_RESPONSE = """
            {"request_id":"0c2f6b2e","lease_id":"","renewable":false,"lease_duration":0,"wrap_info":null,"warnings":null,"auth":null,
             "data":{"data":{"client_secret":"s3cret","api_key":"ak_1"},
                     "metadata":{"created_time":"2026-11-25T10:00:00.000000001Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":2}}}""";
    private static final String WRITE_RESPONSE = """
            {"request_id":"5e1a0d3f","lease_id":"","renewable":false,"lease_duration":0,"wrap_info":null,"warnings":null,"auth":null,
             "data":{"created_time":"2026-11-25T10:00:00.000000001Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1}}""";
    private static final String METADATA_RESPONSE = """
            {"request_id":"9a8b","lease_id":"","renewable":false,"lease_duration":0,"wrap_info":null,"warnings":null,"auth":null,
             "data":{"cas_required":false,"created_time":"2026-11-25T10:00:00Z","current_version":2,"delete_version_after":"0s",
                     "max_versions":0,"oldest_version":0,"updated_time":"2026-11-25T11:00:00Z","custom_metadata":null,
                     "versions":{"2":{"created_time":"2026-11-25T11:00:00Z","deletion_time":"","destroyed":false},
                                 "1":{"created_time":"2026-11-25T10:00:00Z","deletion_time":"2026-11-25T10:30:00Z","destroyed":false}}}}""";

    @Inject
    SecretStore store;

    private final SecretPath path = SecretPath.connection("demo", UUID.fromString("5f0c6a9e-3b1d-4c55-9d0e-2b8f1a7c4d21"));
    private final String dataUrl = "/v1/secret/data/tenants/demo/connections/5f0c6a9e-3b1d-4c55-9d0e-2b8f1a7c4d21";
    private final String metadataUrl = "/v1/secret/metadata/tenants/demo/connections/5f0c6a9e-3b1d-4c55-9d0e-2b8f1a7c4d21";

    @BeforeEach
    void stubNothingYet() {
        VaultStub.reset();
    }

    @AfterEach
    void everyRequestMatchedAStub() {
        assertEquals(List.of(), server.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void theConfiguredBackendIsVault() {
        assertInstanceOf(VaultSecretStore.class, store);
    }

    @Test
    void writeSendsCheckAndSetWithTheExpectedVersionAndReturnsVaultsNewVersion() {
        server.stubFor(post(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"options\":{\"cas\":0},\"data\":{\"client_secret\":\"s3cret\"}}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(WRITE_RESPONSE)));

        assertEquals(1L, store.write(path, Map.of("client_secret", "s3cret"), 0).await().indefinitely());
    }

    @Test
    void vaultsCheckAndSetRefusalIsAVersionConflict() {
        server.stubFor(post(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"options\":{\"cas\":3},\"data\":{\"client_secret\":\"late\"}}"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"check-and-set parameter did not match the current version\"]}")));

        assertThrows(SecretVersionConflictException.class,
                () -> store.write(path, Map.of("client_secret", "late"), 3).await().indefinitely());
    }

    @Test
    void readReturnsTheNewestVersionsFields() {
        server.stubFor(get(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(READ_RESPONSE)));

        var secret = store.read(path).await().indefinitely();

        assertEquals(2L, secret.version());
        assertEquals(Map.of("client_secret", "s3cret", "api_key", "ak_1"), secret.fields());
    }

    @Test
    void aVersionIsReadWithVaultsVersionParameter() {
        server.stubFor(get(urlPathEqualTo(dataUrl)).withQueryParam("version", equalTo("2"))
                .withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(READ_RESPONSE)));

        assertEquals(2L, store.read(path, 2).await().indefinitely().version());
    }

    @Test
    void vaultsNotFoundIsSecretNotFound() {
        server.stubFor(get(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"errors\":[]}")));

        assertThrows(SecretNotFoundException.class, () -> store.read(path).await().indefinitely());
    }

    @Test
    void deleteSoftDeletesTheNewestVersion() {
        server.stubFor(delete(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(204)));

        store.delete(path).await().indefinitely();

        server.verify(1, deleteRequestedFor(urlPathEqualTo(dataUrl)));
    }

    @Test
    void destroyDeletesTheMetadataAndWithItEveryVersion() {
        server.stubFor(delete(urlPathEqualTo(metadataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(204)));

        store.destroy(path).await().indefinitely();

        server.verify(1, deleteRequestedFor(urlPathEqualTo(metadataUrl)));
    }

    /** Vault's documented destroy: {@code PUT /v1/<mount>/destroy/<path>} with the versions to erase. */
    @Test
    void pruneDestroysTheOlderVersionsTheMetadataStillHolds() {
        String destroyUrl = "/v1/secret/destroy/tenants/demo/connections/5f0c6a9e-3b1d-4c55-9d0e-2b8f1a7c4d21";
        server.stubFor(get(urlPathEqualTo(metadataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(METADATA_RESPONSE)));
        server.stubFor(any(urlPathEqualTo(destroyUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(204)));

        store.prune(path, 2).await().indefinitely();

        server.verify(1, anyRequestedFor(urlPathEqualTo(destroyUrl)).withRequestBody(equalToJson("{\"versions\": [1]}")));
    }

    @Test
    void pruneWithNothingOlderSendsNoDestroy() {
        server.stubFor(get(urlPathEqualTo(metadataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(METADATA_RESPONSE)));

        store.prune(path, 1).await().indefinitely();

        server.verify(0, anyRequestedFor(urlPathMatching("/v1/secret/destroy/.*")));
    }

    @Test
    void versionsComeFromTheMetadataOldestFirst() {
        server.stubFor(get(urlPathEqualTo(metadataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(METADATA_RESPONSE)));

        List<SecretVersion> versions = store.versions(path).await().indefinitely();

        assertEquals(List.of(1L, 2L), versions.stream().map(SecretVersion::version).toList());
        assertEquals(Instant.parse("2026-11-25T10:30:00Z"), versions.get(0).deletedAt());
        assertNull(versions.get(1).deletedAt());
    }

    @Test
    void aMissingSecretHasNoVersions() {
        server.stubFor(get(urlPathEqualTo(metadataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"errors\":[]}")));

        assertEquals(List.of(), store.versions(path).await().indefinitely());
    }

    @Test
    void aPermissionDeniedFailureNeverCarriesTheToken() {
        server.stubFor(get(urlPathEqualTo(dataUrl)).withHeader("X-Vault-Token", equalTo(TOKEN))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"permission denied\"]}")));

        var failure = assertThrows(RuntimeException.class, () -> store.read(path).await().indefinitely());

        assertFalse(String.valueOf(failure.getMessage()).contains(TOKEN));
    }
}
