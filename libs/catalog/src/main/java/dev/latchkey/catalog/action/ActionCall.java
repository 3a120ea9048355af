package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.catalog.Template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * An action's request rendered for one input, relative to the connection's API: the method, the path under the API's
 * base URL and the query (both encoded), headers, and the body with its media type. Built from an input already checked
 * against the action's schema; what the schema cannot say (a path value that would climb out of the path) is refused
 * here.
 *
 * @param body null when the request has none
 */
public record ActionCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                         String contentType) {

    private static final Pattern ONE_INPUT = Pattern.compile("^\\{\\{\\s*input\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}$");

    /** What the input cannot be used for, by input property; never its value. */
    public static final class InvalidInput extends RuntimeException {
        private final String field;

        InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * @param input  the caller's input, valid against {@link Action#inputSchema()}
     * @param config the connection's {@code config.<parameter>} values
     * @throws InvalidInput when a path value is {@code .} or {@code ..}, or a cursor is not one this action gave
     */
    public static ActionCall of(Action action, JsonNode input, Map<String, String> config) {
        ActionRequest request = action.request();
        Pagination pagination = action.pagination();
        // Only a paged action's cursor names a page; another action may have an input of that name of its own.
        String cursor = pagination != null && input.path(Action.CURSOR).isTextual() ? input.get(Action.CURSOR).textValue() : null;
        if (cursor != null && pagination.cursor() == null) {
            return nextPage(request.method(), cursor);
        }
        Set<String> declared = new HashSet<>(config.keySet());
        action.input().path("properties").fieldNames().forEachRemaining(name -> declared.add("input." + name));
        Map<String, String> values = new HashMap<>(config);
        Map<String, String> inPath = new HashMap<>(config);
        input.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put("input." + field.getKey(), text(field.getValue()));
                inPath.put("input." + field.getKey(), segment(field.getKey(), text(field.getValue())));
            }
        });
        String path = Template.parse(request.path(), declared).render(inPath);

        Map<String, String> query = rendered(request.query(), declared, values);
        JsonNode body = request.body() == null ? null : body(request.body(), input, declared, values);
        if (body == null && request.body() != null) {
            body = request.body().isArray() ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
        }
        if (cursor != null) {
            String to = pagination.cursor().to();
            if (to.startsWith("query.")) {
                query.put(to.substring("query.".length()), cursor);
            } else {
                member((ObjectNode) body, to.substring("body.".length()), cursor);
            }
        }
        Map<String, String> headers = rendered(request.headers(), declared, values);
        if (body != null) {
            return new ActionCall(request.method(), path, encoded(query), headers, body.toString().getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        if (!request.form().isEmpty()) {
            return new ActionCall(request.method(), path, encoded(query), headers,
                    encoded(rendered(request.form(), declared, values)).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        }
        return new ActionCall(request.method(), path, encoded(query), headers, null, null);
    }

    /** A page named by the previous answer's next-page URL: its target under the API's base URL, as {@link ActionAnswer} gave it. */
    private static ActionCall nextPage(String method, String cursor) {
        if (!cursor.startsWith("/")) {
            throw new InvalidInput(Action.CURSOR, "is not a cursor this action gave");
        }
        int query = cursor.indexOf('?');
        return new ActionCall(method, query < 0 ? cursor : cursor.substring(0, query), query < 0 ? "" : cursor.substring(query + 1),
                Map.of(), null, null);
    }

    /** Sets a member of the body at a dotted path ({@code variables.after}), making the objects on the way. */
    private static void member(ObjectNode body, String dotted, String value) {
        ObjectNode holder = body;
        String[] names = dotted.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            holder = holder.get(names[i]) instanceof ObjectNode inner ? inner : holder.putObject(names[i]);
        }
        holder.put(names[names.length - 1], value);
    }

    /** A path value as one segment: encoded whole ({@code /} included), and never {@code .} or {@code ..}. */
    private static String segment(String field, String value) {
        for (String part : value.split("[/\\\\]", -1)) {
            if (part.equals(".") || part.equals("..")) {
                throw new InvalidInput(field, "may not be '.' or '..', nor hold such a part between slashes");
            }
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Each template rendered, leaving out those that name an input the caller left out. */
    private static Map<String, String> rendered(Map<String, String> templates, Set<String> declared, Map<String, String> values) {
        Map<String, String> rendered = new LinkedHashMap<>();
        templates.forEach((name, source) -> {
            Template template = Template.parse(source, declared);
            if (values.keySet().containsAll(template.variables())) {
                rendered.put(name, template.render(values));
            }
        });
        return rendered;
    }

    /**
     * A JSON body: a string that is exactly one input variable takes the input's value and JSON type, and a member whose
     * input is absent is left out; other strings are rendered as text, and left out when a variable lacks a value. An
     * object or list of the template that is left with nothing is left out too (the body itself is sent, even empty).
     */
    private static JsonNode body(JsonNode template, JsonNode input, Set<String> declared, Map<String, String> values) {
        if (template.isTextual()) {
            Matcher one = ONE_INPUT.matcher(template.textValue());
            if (one.matches()) {
                return input.get(one.group(1));
            }
            Template text = Template.parse(template.textValue(), declared);
            return values.keySet().containsAll(text.variables()) ? TextNode.valueOf(text.render(values)) : null;
        }
        if (template.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(field -> {
                JsonNode value = body(field.getValue(), input, declared, values);
                if (value != null) {
                    object.set(field.getKey(), value);
                }
            });
            return object.isEmpty() && !template.isEmpty() ? null : object;
        }
        if (template.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> {
                JsonNode value = body(item, input, declared, values);
                if (value != null) {
                    array.add(value);
                }
            });
            return array.isEmpty() && !template.isEmpty() ? null : array;
        }
        return template;
    }

    /** An input value as text: a string as it is, a list comma-joined, anything else as JSON. */
    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(ActionCall::text).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    private static String encoded(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
