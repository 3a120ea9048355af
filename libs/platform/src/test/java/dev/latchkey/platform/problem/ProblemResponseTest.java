package dev.latchkey.platform.problem;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

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
