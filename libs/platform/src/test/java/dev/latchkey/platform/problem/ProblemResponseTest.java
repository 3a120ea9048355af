package dev.latchkey.platform.problem;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ProblemResponseTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void beanValidationFailureListsEveryField() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \",\"code\":\"toolong\"}")
                .post("/problem-test/validated")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/validation"))
                .body("errors", hasSize(2))
                .body("errors.field", org.hamcrest.Matchers.contains("code", "name"));
    }

    @Test
    void serviceValidationFailureNamesTheField() {
        given().get("/problem-test/invalid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("The form has errors."))
                .body("errors[0].field", equalTo("scopes"))
                .body("errors[0].message", equalTo("unknown scope 'x'"));
    }

    @Test
    void notFoundConflictAndStaleVersionHaveTheirOwnTypes() {
        given().get("/problem-test/missing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/not-found"))
                .body("instance", equalTo("/problem-test/missing"));
        given().get("/problem-test/conflict").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/conflict"))
                .body("detail", equalTo("The auth config is used by 3 connections."));
        given().get("/problem-test/stale").then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/precondition-failed"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotGuessed() {
        given().contentType(ContentType.JSON).body("{\"name\":\"first\",\"name\":\"second\"}").post("/problem-test/validated")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("https://latchkey.dev/problems/validation"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"} xyz").post("/problem-test/validated")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("not valid JSON"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"} {\"name\":\"y\"}").post("/problem-test/validated")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
    }

    @Test
    void aNumberBeyondJacksonsLimitsIsAProblemNotAnError() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"code\":" + "9".repeat(1001) + "}")
                .post("/problem-test/validated")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("JSON limits"));
    }

    /** A decoded path that is no valid URI (a space, a NUL, braces) used to fail the problem itself: a bare 500. */
    @Test
    void aPathThatDecodesToNoValidUriIsANotFoundProblem() {
        for (String path : List.of("/problem-test/a%20b", "/problem-test/%00", "/problem-test/%7Bid%7D")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().get("/no-such-thing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unexpectedErrorShowsACorrelationIdAndNothingOfTheException() {
        given().get("/problem-test/bug")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/internal"))
                .body("correlationId", matchesPattern("[0-9a-f-]{36}"))
                .body("errors", nullValue())
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("hunter2")))
                .body(not(containsString("at dev.latchkey")));
    }
}
