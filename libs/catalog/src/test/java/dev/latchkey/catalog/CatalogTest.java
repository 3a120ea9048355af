package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.catalog.auth.OAuth2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole catalog as it ships: every entry is read and checked, so a broken entry fails the build. */
class CatalogTest {

    private static final Set<AuthType> KEY_SCHEMES = EnumSet.of(AuthType.API_KEY, AuthType.BEARER, AuthType.BASIC, AuthType.DIGEST);

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.load();
        System.out.println("catalog: " + catalog.all().size() + " entries; by category " + catalog.countByCategory()
                + "; by auth type " + catalog.countByAuthType() + "; " + withActions().size() + " entries with "
                + withActions().stream().mapToInt(entry -> catalog.actions(entry.key()).size()).sum() + " actions");
    }

    private static List<CatalogEntry> withActions() {
        return catalog.all().stream().filter(entry -> !catalog.actions(entry.key()).isEmpty()).toList();
    }

    @Test
    void everyEntryFileIsInTheCatalog() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/catalog/entries"))) {
            List<String> keys = files.map(file -> file.getFileName().toString().replaceFirst("\\.yaml$", "")).sorted().toList();
            assertEquals(keys, catalog.all().stream().map(CatalogEntry::key).toList());
        }
    }

    @Test
    void atLeast30ProvidersOffer150ActionsAndEachOfThemAtLeastThree() {
        List<CatalogEntry> providers = withActions();
        assertTrue(providers.size() >= 30, "entries with actions: " + providers.size());
        assertTrue(providers.stream().mapToInt(entry -> catalog.actions(entry.key()).size()).sum() >= 150);
        providers.forEach(entry -> assertTrue(catalog.actions(entry.key()).size() >= 3, entry.key() + " has fewer than 3 actions"));
    }

    @Test
    void everyActionsFileIsInTheCatalog() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/catalog/actions"))) {
            List<String> keys = files.map(file -> file.getFileName().toString().replaceFirst("\\.yaml$", "")).sorted().toList();
            assertEquals(keys, withActions().stream().map(CatalogEntry::key).toList());
        }
    }

    @Test
    void theCatalogHoldsAtLeast150Entries() {
        assertTrue(catalog.all().size() >= 150, "entries: " + catalog.all().size());
    }

    @Test
    void atLeast70OAuth2Providers() {
        assertTrue(catalog.offering(AuthType.OAUTH2).size() >= 70, "oauth2: " + catalog.offering(AuthType.OAUTH2).size());
    }

    /** PKCE guards confidential clients against code injection too (RFC 9700 §4.5): an exception needs the provider's word. */
    @Test
    void everyOAuth2ProviderGetsPkceUnlessItsDocumentationSaysOtherwise() {
        List<String> never = catalog.offering(AuthType.OAUTH2).stream()
                .filter(entry -> entry.option(AuthType.OAUTH2).map(option -> !((OAuth2) option).pkce().sent()).orElseThrow())
                .map(CatalogEntry::key).toList();
        assertEquals(List.of("slack"), never);
    }

    @Test
    void atLeast40AppsAuthenticateByKeyTokenOrPasswordAlone() {
        long apps = catalog.all().stream()
                .filter(entry -> entry.auth().stream().allMatch(option -> KEY_SCHEMES.contains(option.type()))).count();
        assertTrue(apps >= 40, "api key, bearer, basic or digest only: " + apps);
    }

    @Test
    void atLeast35NativeConnectors() {
        assertTrue(catalog.offering(AuthType.NATIVE).size() >= 35, "native: " + catalog.offering(AuthType.NATIVE).size());
    }

    @Test
    void everySecretParameterOfANativeConnectorIsWriteOnly() {
        for (CatalogEntry entry : catalog.offering(AuthType.NATIVE)) {
            var parameters = entry.option(AuthType.NATIVE).map(Native.class::cast).orElseThrow().connectionParameters();
            for (String name : List.of("password", "secretAccessKey", "privateKey", "token", "apiKey")) {
                if (parameters.names().contains(name)) {
                    assertTrue(parameters.isSecret(name), entry.key() + "." + name + " is not writeOnly");
                }
            }
        }
    }
}
