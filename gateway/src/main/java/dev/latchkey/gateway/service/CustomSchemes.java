package dev.latchkey.gateway.service;

import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.CustomApi;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;

/**
 * The API of a custom auth config, which no catalog entry describes: the {@code baseUrl} it names (a destination
 * field: moving it needs the secrets again), and its scheme as its settings say ({@link CustomApi}).
 */
final class CustomSchemes {

    private CustomSchemes() {
    }

    /** The API client and auth option of a custom auth config; a 409 when it names no API. */
    static ConnectionApis.Scheme of(KnownAuthConfig authConfig) {
        ApiClient api = CustomApi.of(authConfig.config).orElseThrow(() -> CallRefusedException.notCallable("The connection's"
                + " custom auth config names no API to call: give it a baseUrl (an edit that needs its secrets again), or"
                + " read the connection's credentials instead."));
        return new ConnectionApis.Scheme(api, CustomApi.option(authConfig.authType, authConfig.config));
    }
}
