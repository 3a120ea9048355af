package dev.latchkey.console.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every page resource does alike: answer with a redirect after a form, read a submitted form. */
final class Pages {

    private Pages() {
    }

    /** Post/redirect/get: a form that worked sends the browser on to a page it can reload. */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /**
     * The submitted fields of one part of the API's body, named {@code <part>.<field>} in the form (an auth config's own
     * {@code name} and its API-key form's {@code config.name} are different fields), by their names in that part.
     */
    static Map<String, List<String>> part(MultivaluedMap<String, String> form, String part) {
        Map<String, List<String>> fields = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(part + ".")) {
                fields.put(name.substring(part.length() + 1), values);
            }
        });
        return fields;
    }

    static String first(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
