package dev.latchkey.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an entry's API is called: a base URL and extra headers or query parameters, all templates. The auth
 * option adds the credentials itself (a bearer token, the API key where it belongs, Basic).
 *
 * @param test the request that proves a connection works
 */
public record ApiClient(String baseUrl, Map<String, String> headers, Map<String, String> query, ConnectionTest test) {

    public ApiClient {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** Every template of the client, named by where it sits, for checking. */
    public Map<String, String> templates() {
        var templates = new LinkedHashMap<String, String>();
        templates.put("api.baseUrl", baseUrl);
        headers.forEach((name, value) -> templates.put("api.headers." + name, value));
        query.forEach((name, value) -> templates.put("api.query." + name, value));
        templates.putAll(test.templates());
        return templates;
    }
}
