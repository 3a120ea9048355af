package dev.latchkey.oauth.platform;

import dev.latchkey.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's apps file: read against the catalog, every mistake named at once, the secret never printed. */
class PlatformAppsTest {

    private static final Catalog CATALOG = Catalog.load();

    @TempDir
    Path directory;

    @Test
    void appsOfOAuth2EntriesAreReadWithTheirPinnedParameters() throws IOException {
        PlatformApps apps = PlatformApps.read(file("""
                {"github": {"clientId": "Iv1.platform", "clientSecret": "platform-secret"},
                 "keycloak": {"clientId": "apps", "clientSecret": "kc-secret",
                              "parameters": {"serverHost": "sso.example.com", "realm": "apps"}}}"""), CATALOG);

        PlatformApp github = apps.find("github").orElseThrow();
        assertEquals("Iv1.platform", github.clientId());
        assertEquals("platform-secret", github.clientSecret());
        assertEquals(Map.of("serverHost", "sso.example.com", "realm", "apps"), apps.find("keycloak").orElseThrow().parameters());
        assertTrue(apps.find("slack").isEmpty());
        assertTrue(apps.find(null).isEmpty());
    }

    @Test
    void everyWrongAppIsNamedWithWhyAndNoSecretIsPrinted() throws IOException {
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> PlatformApps.read(file("""
                {"no-such-entry": {"clientId": "a", "clientSecret": "s3cret-one"},
                 "stripe": {"clientId": "a", "clientSecret": "s3cret-two"},
                 "github": {"clientId": "a"},
                 "keycloak": {"clientId": "a", "clientSecret": "s3cret-three", "parameters": {"realm": "apps", "tenant": "x"}}}"""),
                CATALOG));

        String message = wrong.getMessage();
        for (String expected : List.of("no-such-entry: not a catalog key", "stripe: the entry offers no OAuth2 authorization code",
                "github: clientSecret is required", "keycloak: 'tenant' is not a connection parameter of the entry",
                "keycloak: parameters.serverHost is required")) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
        assertFalse(message.contains("s3cret"), message);
    }

    @Test
    void aFileThatIsNotAnObjectOfAppsIsRefused() throws IOException {
        assertThrows(IllegalStateException.class, () -> PlatformApps.read(file("[\"github\"]"), CATALOG));
    }

    @Test
    void aFileThatIsNotJsonIsNamedByWhereItFailsNotByWhatItSays() throws IOException {
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> PlatformApps.read(file("""
                {"github": {"clientId": "a", "clientSecret": unquoted-s3cret}}"""), CATALOG));

        assertTrue(wrong.getMessage().contains("not valid JSON at line 1"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("s3cret"), wrong.getMessage());
        assertEquals(null, wrong.getCause());
    }

    @Test
    void aClientOfThePlatformsAppTakesItsIdAndPinnedParametersOverTheAuthConfigsSettings() {
        PlatformApp keycloak = new PlatformApp("keycloak", "apps", "kc-secret", Map.of("serverHost", "sso.example.com", "realm", "apps"));

        Map<String, Object> config = keycloak.clientConfig(Map.of("platformApp", true, "scopes", List.of("openid"),
                "serverHost", "attacker.example"));

        assertEquals("apps", config.get("clientId"));
        assertEquals("sso.example.com", config.get("serverHost"));
        assertEquals(List.of("openid"), config.get("scopes"));
        assertFalse(keycloak.toString().contains("kc-secret"), keycloak.toString());
        assertTrue(PlatformApp.chosenIn(config));
        assertFalse(PlatformApp.chosenIn(Map.of("platformApp", "true")));
    }

    private Path file(String json) throws IOException {
        return Files.writeString(directory.resolve("platform-apps.json"), json);
    }
}
