package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ConnectedAppsProcess;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "An auth config in use is never deleted" at every instant, against the real connected-apps-service: a connection
 * made just before a deletion refuses it, a deletion just before a connection refuses the connection, and of the two
 * at once exactly one wins, round after round. No credentials read ever answers an empty 200.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(ConnectedAppsProcess.class)
class AuthConfigInUseTest extends AuthConfigTestBase {

    private static final int ROUNDS = 15;

    private final String tenant = newTenant();

    @BeforeEach
    void connectedAppsServiceRuns() {
        ConnectedAppsProcess.ensureRunning();
    }

    @Test
    void deletingRightAfterAConnectionIsMadeIsRefusedEveryTime() {
        for (int round = 0; round < ROUNDS; round++) {
            String authConfig = created(tenant, apiKeyBody("in use " + round, "key-" + round));
            String connection = connectOnceKnown(authConfig);

            admin(tenant).delete(AUTH_CONFIGS + "/" + authConfig).then().statusCode(409)
                    .contentType(containsString("application/problem+json")).body("detail", containsString("used by 1 connection"));

            admin(tenant).get(AUTH_CONFIGS + "/" + authConfig).then().statusCode(200);
            connectedApps("credentials:read").get(connections() + "/" + connection + "/credentials").then().statusCode(200)
                    .body("credentials.apiKey", equalTo("key-" + round));
        }
    }

    /** Half the rounds delete an auth config connected-apps-service knows already, half one it may not have heard of yet. */
    @Test
    void connectingRightAfterADeletionIsRefusedEveryTime() {
        for (int round = 0; round < ROUNDS; round++) {
            String authConfig = created(tenant, apiKeyBody("deleted " + round, "key"));
            if (round % 2 == 0) {
                String probe = connectOnceKnown(authConfig);
                connectedApps("admin").delete(connections() + "/" + probe).then().statusCode(204);
            }

            admin(tenant).delete(AUTH_CONFIGS + "/" + authConfig).then().statusCode(204);

            connectedApps("developer").body(connectionBody(authConfig)).post(connections()).then().statusCode(400)
                    .body("errors.field", hasItem("authConfigId"));
        }
        connectedApps("viewer").get(connections()).then().statusCode(200).body("items", empty());
    }

    @Test
    void ofAConnectionAndADeletionAtOnceExactlyOneSucceeds() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String authConfig = created(tenant, apiKeyBody("raced " + round, "key-" + round));
                String probe = connectOnceKnown(authConfig);
                connectedApps("admin").delete(connections() + "/" + probe).then().statusCode(204);

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> connect = atOnce(both, start,
                        () -> connectedApps("developer").body(connectionBody(authConfig)).post(connections()));
                CompletableFuture<Response> delete = atOnce(both, start, () -> admin(tenant).delete(AUTH_CONFIGS + "/" + authConfig));
                start.countDown();

                int connected = connect.get().statusCode();
                int deleted = delete.get().statusCode();
                assertTrue(List.of(201, 400).contains(connected) && List.of(204, 409).contains(deleted),
                        "round " + round + ": connection " + connected + ", deletion " + deleted);
                assertEquals(connected == 201, deleted == 409, "round " + round + ": exactly one wins (connection "
                        + connected + ", deletion " + deleted + ")");
                if (connected == 201) {
                    connectedApps("credentials:read").get(connections() + "/" + connect.get().path("id") + "/credentials").then()
                            .statusCode(200).body("credentials.apiKey", equalTo("key-" + round));
                } else {
                    admin(tenant).get(AUTH_CONFIGS + "/" + authConfig).then().statusCode(404);
                }
            }
        } finally {
            both.shutdownNow();
        }
    }

    /** A connection of {@code authConfig}, made as soon as connected-apps-service has its event; returns its id. */
    private String connectOnceKnown(String authConfig) {
        return Eventually.returns("connected-apps-service knows auth config " + authConfig,
                () -> connectedApps("developer").body(connectionBody(authConfig)).post(connections()).then().statusCode(201)
                        .extract().path("id"));
    }

    private static CompletableFuture<Response> atOnce(ExecutorService executor, CountDownLatch start, Supplier<Response> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return request.get();
        }, executor);
    }

    private RequestSpecification connectedApps(String role) {
        return given().auth()
                .oauth2(OidcTestServer.current().accessToken(tenant, "user-" + role, role)).contentType(ContentType.JSON);
    }

    /** connected-apps-service's connections API. */
    private static String connections() {
        return ConnectedAppsProcess.baseUrl() + "/api/v1/connections";
    }

    private static String connectionBody(String authConfig) {
        return """
                {"authConfigId": "%s", "environment": "production", "name": "account", "credentials": {}}""".formatted(authConfig);
    }
}
