package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CatalogResourceTest extends AuthConfigTestBase {

    @Test
    void theGalleryIsFilteredByCategoryAndAuthTypeAndPaged() {
        var first = as("demo", "viewer").queryParam("category", "database").queryParam("authType", "native")
                .queryParam("limit", 5).get("/api/v1/catalog").then().statusCode(200)
                .body("items.size()", equalTo(5))
                .body("items.category", everyItem(equalTo("database")))
                .body("nextCursor", not(nullValue())).extract();
        as("demo", "viewer").queryParam("category", "database").queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/catalog").then().statusCode(200).body("items.key", not(hasItem((String) first.path("items[0].key"))));
    }

    @Test
    void freeTextFindsAnEntry() {
        as("demo", "viewer").queryParam("q", "slack").get("/api/v1/catalog").then().statusCode(200)
                .body("items[0].key", equalTo("slack"));
    }

    @Test
    void anEntryShowsItsFormsScopesAndTheRedirectUri() {
        as("demo", "viewer").get("/api/v1/catalog/github").then().statusCode(200)
                .body("authOptions[0].type", equalTo("oauth2"))
                .body("authOptions[0].scopes", hasKey("repo"))
                .body("authOptions[0].config.required", hasItem("clientId"))
                .body("authOptions[0].secrets.properties.clientSecret.writeOnly", equalTo(true))
                .body("redirectUri", equalTo("http://localhost:8082/oauth/callback"));
        as("demo", "viewer").get("/api/v1/catalog/postgresql").then().statusCode(200)
                .body("authOptions[0].secrets.properties.password.format", equalTo("password"))
                .body("redirectUri", nullValue());
    }

    @Test
    void theCustomSchemesShowTheirFormsAsTheirTypesAreNamed() {
        as("demo", "viewer").get("/api/v1/catalog/custom").then().statusCode(200)
                .body("authOptions.type", equalTo(java.util.List.of("no_auth", "oauth2", "oauth2_client_credentials",
                        "oauth2_jwt_bearer", "api_key", "bearer_token", "basic", "digest")))
                .body("authOptions[4].label", equalTo("API key (header, query or cookie)"))
                .body("authOptions[4].config.required", hasItem("name"))
                .body("authOptions[4].secrets.properties.apiKey.writeOnly", equalTo(true))
                .body("authOptions[3].secrets.properties.privateKey.writeOnly", equalTo(true))
                .body("authOptions[1].config.properties.tokenUrl.destination", equalTo(true))
                .body("redirectUri", equalTo("http://localhost:8082/oauth/callback"));
    }

    @Test
    void anEntrysActionsAreListedWithTheirHints() {
        as("demo", "viewer").get("/api/v1/catalog/github/actions").then().statusCode(200)
                .body("name", hasItem("list_pull_requests"))
                .body("find { it.name == 'list_pull_requests' }.readOnly", equalTo(true))
                .body("find { it.name == 'list_pull_requests' }.title", not(nullValue()));
        as("demo", "viewer").get("/api/v1/catalog/postgresql/actions").then().statusCode(200).body("size()", equalTo(0));
        as("demo", "viewer").get("/api/v1/catalog/no-such-app/actions").then().statusCode(404);
    }

    @Test
    void unknownKeyIs404AndBadFiltersAre400() {
        as("demo", "viewer").get("/api/v1/catalog/no-such-app").then().statusCode(404);
        as("demo", "viewer").queryParam("category", "gadgets").get("/api/v1/catalog").then().statusCode(400)
                .body("errors.field", hasItem("category"));
    }
}
