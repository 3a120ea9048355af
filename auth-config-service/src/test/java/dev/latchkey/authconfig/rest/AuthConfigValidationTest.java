package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Bad input is a 400 problem that names the field, and creates nothing. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthConfigValidationTest extends AuthConfigTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing client id | config.clientId | {\"name\": \"x\", \"category\": \"oauth2_provider\", \"provider\": \"github\", \"secrets\": {\"clientSecret\": \"s\"}}",
            "missing client secret | secrets.clientSecret | {\"name\": \"x\", \"category\": \"oauth2_provider\", \"provider\": \"github\", \"config\": {\"clientId\": \"c\"}}",
            "unknown config field | config.bogus | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"basic\", \"config\": {\"username\": \"u\", \"bogus\": 1}, \"secrets\": {\"password\": \"p\"}}",
            "unknown request field | colour | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"no_auth\", \"colour\": \"red\"}",
            "wrong type | config.port | {\"name\": \"x\", \"category\": \"native_connector\", \"provider\": \"postgresql\", \"config\": {\"host\": \"h\", \"port\": \"five\", \"database\": \"d\", \"username\": \"u\", \"sslMode\": \"require\"}, \"secrets\": {\"password\": \"p\"}}",
            "malformed URL | config.tokenUrl | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"oauth2\", \"config\": {\"authorizationUrl\": \"https://id.example.com/a\", \"tokenUrl\": \"ftp://id.example.com/t\", \"clientId\": \"c\"}, \"secrets\": {\"clientSecret\": \"s\"}}",
            "scope not offered | config.scopes[0] | {\"name\": \"x\", \"category\": \"oauth2_provider\", \"provider\": \"github\", \"config\": {\"clientId\": \"c\", \"scopes\": [\"launch:missiles\"]}, \"secrets\": {\"clientSecret\": \"s\"}}",
            "unknown provider | provider | {\"name\": \"x\", \"category\": \"oauth2_provider\", \"provider\": \"no-such-app\"}",
            "custom without type | type | {\"name\": \"x\", \"category\": \"custom\"}",
            "unknown category | category | {\"name\": \"x\", \"category\": \"gadget\"}",
            "missing name | name | {\"category\": \"custom\", \"type\": \"no_auth\"}",
            "unknown environment | environment | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"no_auth\", \"environment\": \"qa\"}",
            "native app as connector | category | {\"name\": \"x\", \"category\": \"native_connector\", \"provider\": \"github\"}"})
    void invalidInputIsA400ProblemNamingTheFieldAndCreatesNothing(String rule, String field, String body) {
        String tenant = newTenant();

        create(tenant, body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItem(field));

        admin(tenant).get(AUTH_CONFIGS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"name | 201", "secrets.apiKey | 16385"})
    void oversizeInputIsRefused(String field, int length) {
        String tenant = newTenant();
        String big = "x".repeat(length);
        String body = field.equals("name") ? apiKeyBody(big, "k") : apiKeyBody("big", big);

        create(tenant, body).statusCode(400).body("errors.field", hasItem(field))
                .body(not(containsString(big)));
    }
}
