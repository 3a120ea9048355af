package dev.latchkey.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request, relative to the API's base URL, and what counts as success: an expected status and, for
 * providers that answer 200 with an error flag (Slack's {@code "ok": false}), values at dotted JSON paths.
 */
public record ConnectionTest(String method, String path, Map<String, String> headers, String body, Expect expect) {

    public ConnectionTest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expect = expect == null ? new Expect(null, null) : expect;
    }

    public record Expect(List<Integer> status, Map<String, Object> json) {

        public Expect {
            status = status == null ? List.of(200) : List.copyOf(status);
            json = json == null ? Map.of() : Map.copyOf(json);
        }
    }

    Map<String, String> templates() {
        var templates = new LinkedHashMap<String, String>();
        templates.put("api.test.path", path);
        headers.forEach((name, value) -> templates.put("api.test.headers." + name, value));
        if (body != null) {
            templates.put("api.test.body", body);
        }
        return templates;
    }
}
