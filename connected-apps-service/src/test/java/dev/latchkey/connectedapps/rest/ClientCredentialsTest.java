package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Client-credentials connections fetch their token when made, from the test OAuth2 server's token endpoint. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ClientCredentialsTest extends ConnectionTestBase {

    @Test
    void aClientCredentialsConnectionFetchesItsTokenAtOnceAndIsActive() {
        UUID authConfig = clientCredentials(provider() + "/token");

        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("type", equalTo("oauth2_client_credentials"))
                .body("expiresAt", notNullValue()).body("grantedScopes", equalTo(List.of("read")))
                .body("secretFields", equalTo(List.of("accessToken"))).extract().path("id");

        String first = as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", notNullValue()).body("credentials.expiresAt", notNullValue())
                .extract().path("credentials.accessToken");

        as("developer").post(CONNECTIONS + "/" + id + "/reauthorize").then().statusCode(200).body("authorizationUrl", nullValue());
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", not(equalTo(first)));
    }

    @Test
    void aProviderThatRefusesOrDoesNotAnswerLeavesNoConnection() {
        as("developer").body(connection(clientCredentials(provider() + "/no-such-endpoint"), "{}")).post(CONNECTIONS).then()
                .statusCode(502).body("type", containsString("upstream")).body("detail", containsString("refused"));
        as("developer").body(connection(clientCredentials("http://127.0.0.1:1/token"), "{}")).post(CONNECTIONS).then()
                .statusCode(502).body("detail", containsString("did not answer"));

        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items", empty());
    }

    private UUID clientCredentials(String tokenUrl) {
        return authConfigs.create(tenant, null, "oauth2_client_credentials",
                Map.of("tokenUrl", tokenUrl, "clientId", "machine-client", "scopes", List.of("read")),
                Map.of("clientSecret", "machine-secret"));
    }
}
