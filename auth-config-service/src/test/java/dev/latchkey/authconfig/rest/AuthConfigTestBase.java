package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.OidcTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the HTTP tests of this service share: requests to the auth-config API as a caller of a tenant with roles. */
abstract class AuthConfigTestBase {

    static final String AUTH_CONFIGS = "/api/v1/auth-configs";

    static RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user-" + roles[0], roles))
                .contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(tenant, "admin");
    }

    static ValidatableResponse create(String tenant, String body) {
        return admin(tenant).body(body).when().post(AUTH_CONFIGS).then();
    }

    /** Creates an auth config and returns its id. */
    static String created(String tenant, String body) {
        return create(tenant, body).statusCode(201).extract().path("id");
    }

    /** A tenant no other test uses, so lists and names start empty. */
    static String newTenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A custom API-key auth config named {@code name}, with {@code key} as its secret. */
    static String apiKeyBody(String name, String key) {
        return """
                {"name": "%s", "category": "custom", "type": "api_key",
                 "config": {"name": "X-API-Key", "in": "header"}, "secrets": {"apiKey": "%s"}}""".formatted(name, key);
    }
}
