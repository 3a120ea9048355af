package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.JwtBearerProvider;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JWT bearer connections (RFC 7523, a service account's key) get their token when made, with an assertion signed by the
 * auth config's private key, from a token endpoint that verifies it as Google documents; another key is refused and
 * leaves nothing behind.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class JwtBearerTest extends ConnectionTestBase {

    private JwtBearerProvider google;

    @BeforeEach
    void startProvider() throws IOException {
        google = new JwtBearerProvider();
    }

    @AfterEach
    void stopProvider() {
        google.close();
    }

    @Test
    void aServiceAccountConnectionSignsItsGrantAndGetsItsTokenAtOnce() {
        UUID authConfig = serviceAccount(google.privateKeyPem());

        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("type", equalTo("oauth2_jwt_bearer")).body("expiresAt", notNullValue())
                .body("secretFields", equalTo(List.of("accessToken"))).body(not(containsString("PRIVATE KEY")))
                .extract().path("id");
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", equalTo("ya29.jwt-bearer-1")).body("credentials.privateKey", nullValue());
        assertEquals("https://www.googleapis.com/auth/drive.readonly", google.grantedClaims().get(0).path("scope").asText());

        as("developer").post(CONNECTIONS + "/" + id + "/reauthorize").then().statusCode(200).body("authorizationUrl", nullValue());
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", equalTo("ya29.jwt-bearer-2"));
    }

    @Test
    void aKeyTheProviderDoesNotKnowIsRefusedAndLeavesNoConnection() {
        as("developer").body(connection(serviceAccount(JwtBearerProvider.unknownKeyPem()), "{}")).post(CONNECTIONS).then()
                .statusCode(502).body("type", containsString("upstream")).body("detail", containsString("invalid_grant"))
                .body("detail", not(containsString("PRIVATE KEY")));
        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items", empty());
    }

    private UUID serviceAccount(String privateKey) {
        return authConfigs.create(tenant, null, "oauth2_jwt_bearer", Map.of("tokenUrl", google.tokenUrl(),
                "clientId", JwtBearerProvider.ACCOUNT, "scopes", List.of("https://www.googleapis.com/auth/drive.readonly")),
                Map.of("privateKey", privateKey));
    }
}
