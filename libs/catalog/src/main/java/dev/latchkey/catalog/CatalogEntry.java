package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;

import java.util.List;
import java.util.Optional;

/**
 * One provider or connector of the catalog: how to authenticate to it, what the user enters, how its API is
 * called and how a connection is proved to work. Read from {@code catalog/entries/<key>.yaml}.
 *
 * @param api absent for native connectors, whose driver's probe proves a connection instead
 */
public record CatalogEntry(String key, String name, Category category, String description, String docsUrl,
                           List<AuthOption> auth, Optional<ApiClient> api) {

    public CatalogEntry {
        auth = List.copyOf(auth);
        api = api == null ? Optional.empty() : api;
    }

    public boolean offers(AuthType type) {
        return auth.stream().anyMatch(option -> option.type() == type);
    }

    /** The entry's option of {@code type}, the first if it has several. */
    public Optional<AuthOption> option(AuthType type) {
        return auth.stream().filter(option -> option.type() == type).findFirst();
    }
}
