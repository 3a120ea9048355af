package dev.latchkey.refresher.service;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/** The on-demand refresh's one parameter: a control character in it is a 400 problem naming it. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class RefreshParametersTest {

    @Test
    void aNulInTheConnectionIdIsA400ProblemNamingIt() {
        given().auth().oauth2(OidcTestServer.current().accessToken("system", "connected-apps-service", "service"))
                .urlEncodingEnabled(false).post("/internal/v1/refresh/a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("connectionId"));
    }
}
