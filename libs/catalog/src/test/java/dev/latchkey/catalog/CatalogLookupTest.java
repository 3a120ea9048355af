package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.TokenRequestAuth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLookupTest {

    private final Catalog catalog = Catalog.load();

    @Test
    void anEntryIsFoundByKeyWithItsAuthOptions() {
        CatalogEntry github = catalog.find("github").orElseThrow();

        var oauth = (OAuth2) github.option(AuthType.OAUTH2).orElseThrow();
        assertEquals("https://github.com/login/oauth/access_token", oauth.tokenUrl());
        assertEquals(TokenRequestAuth.CLIENT_SECRET_POST, oauth.tokenRequestAuth());
        assertTrue(github.offers(AuthType.BEARER));
        assertTrue(catalog.find("no-such-provider").isEmpty());
    }

    @Test
    void entriesAreListedByCategory() {
        List<CatalogEntry> databases = catalog.inCategory(Category.DATABASE);

        assertTrue(databases.stream().anyMatch(entry -> entry.key().equals("postgresql")));
        assertTrue(databases.stream().allMatch(entry -> entry.category() == Category.DATABASE));
    }

    @Test
    void entriesAreListedByAuthType() {
        List<CatalogEntry> natives = catalog.offering(AuthType.NATIVE);

        assertTrue(natives.stream().anyMatch(entry -> entry.key().equals("postgresql")));
        assertFalse(natives.stream().anyMatch(entry -> entry.key().equals("stripe")));
    }

    @Test
    void freeTextSearchPutsTheExactKeyFirstAndIgnoresCase() {
        List<CatalogEntry> found = catalog.search("  SLACK ");

        assertEquals("slack", found.get(0).key());
        assertTrue(catalog.search("zzz-nothing-matches").isEmpty());
    }

    @Test
    void freeTextSearchMatchesNamesDescriptionsAndCategories() {
        assertTrue(catalog.search("payments").stream().anyMatch(entry -> entry.key().equals("stripe")));
        assertTrue(catalog.search("devtools").stream().anyMatch(entry -> entry.key().equals("github")));
    }

    @Test
    void templateVariablesOfAnOptionAreItsParametersAndItsSchemesCredentials() {
        var postgres = catalog.find("postgresql").orElseThrow().option(AuthType.NATIVE).orElseThrow();

        assertTrue(postgres.variables().containsAll(Set.of("config.host", "config.port", "credentials.password")));
        assertFalse(postgres.variables().contains("config.password"));
    }
}
