package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request an action makes, relative to the entry's API (its base URL, headers and credentials are the
 * connection's): templates naming {@code {{input.<property>}}} and the entry's {@code {{config.<parameter>}}}.
 *
 * @param body a JSON body (sent as application/json), whose strings that are exactly one input variable take that
 *             input's value and type; null when the request has none
 * @param form a form-encoded body instead; empty when the request has none
 */
public record ActionRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                            JsonNode body, Map<String, String> form) {

    public ActionRequest {
        query = inOrder(query);
        headers = inOrder(headers);
        form = inOrder(form);
    }

    /** The parameters in the order the file gives them: a request's query and form keep it. */
    private static Map<String, String> inOrder(Map<String, String> parameters) {
        return parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
