package dev.latchkey.console.browser;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin's grant to Keycloak's demo-app client, through Keycloak's admin API. */
final class DemoAppConsent {

    static final String KEYCLOAK = System.getProperty("latchkey.keycloak.url", "http://localhost:8180");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoAppConsent() {
    }

    /** Keycloak remembers a grant: the admin's is withdrawn first, so its consent screen is shown on every run. */
    static void forgetTheAdmins() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(System.getenv("LATCHKEY_KC_ADMIN"), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), "Keycloak's admin signs in: " + token.body());
        String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                + "/admin/realms/latchkey/users?exact=true&username=admin")).timeout(Duration.ofSeconds(10))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        String user = JSON.readTree(users.body()).get(0).get("id").asText();
        HttpResponse<String> withdrawn = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/latchkey/users/"
                + user + "/consents/demo-app")).timeout(Duration.ofSeconds(10)).header("Authorization", bearer).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(withdrawn.statusCode() == 204 || withdrawn.statusCode() == 404, "no grant remembered: " + withdrawn.body());
    }
}
