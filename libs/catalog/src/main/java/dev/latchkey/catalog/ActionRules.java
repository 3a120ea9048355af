package dev.latchkey.catalog;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.catalog.action.ActionRequest;
import dev.latchkey.catalog.action.ActionsFile;
import dev.latchkey.catalog.action.Pagination;
import dev.latchkey.catalog.auth.AuthOption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the JSON Schema of an actions file cannot say: it names an entry with an API, action names are unique, input
 * and output are valid JSON Schemas, every template variable is an input property or a parameter of the entry, a
 * path's variables are required inputs, the answer's mapping fills declared output properties, the hints agree with
 * the method, and pagination's own input and output are not declared by hand.
 */
final class ActionRules {

    private static final JsonSchema META_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private final List<String> problems = new ArrayList<>();

    private ActionRules() {
    }

    /** Every rule the file breaks, or none. */
    static List<String> check(String fileKey, ActionsFile file, CatalogEntry entry) {
        var rules = new ActionRules();
        rules.checkFile(fileKey, file, entry);
        return List.copyOf(rules.problems);
    }

    private void checkFile(String fileKey, ActionsFile file, CatalogEntry entry) {
        if (!file.entry().equals(fileKey)) {
            problems.add("entry '" + file.entry() + "' is not the file name '" + fileKey + "'");
        }
        if (entry == null) {
            problems.add("no catalog entry '" + file.entry() + "'");
            return;
        }
        if (entry.api().isEmpty()) {
            problems.add("entry '" + entry.key() + "' has no API to call");
        }
        Set<String> config = entry.auth().stream().map(AuthOption::variables).flatMap(Set::stream)
                .filter(variable -> variable.startsWith("config.")).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        for (Action action : file.actions()) {
            if (!names.add(action.name())) {
                problems.add(action.name() + ": the name is used twice");
            }
            checkAction(action.name() + ": ", action, config);
        }
    }

    private void checkAction(String where, Action action, Set<String> config) {
        checkSchema(where + "input", action.inputSchema());
        checkSchema(where + "output", action.outputSchema());
        Set<String> inputs = fieldNames(action.input().path("properties"));
        Set<String> required = new HashSet<>();
        action.input().path("required").forEach(name -> required.add(name.asText()));
        Set<String> declared = new HashSet<>(config);
        inputs.forEach(name -> declared.add("input." + name));

        ActionRequest request = action.request();
        for (String variable : variables(where + "request.path", request.path(), declared)) {
            if (variable.startsWith("input.") && !required.contains(variable.substring("input.".length()))) {
                problems.add(where + "request.path: '" + variable + "' must be a required input: a path has no optional segment");
            }
        }
        templates(request).forEach((place, template) -> variables(where + place, template, declared));

        Set<String> outputs = fieldNames(action.output().path("properties"));
        action.response().forEach((property, pointer) -> {
            if (!outputs.contains(property)) {
                problems.add(where + "response: '" + property + "' is not an output property");
            }
            checkPointer(where + "response." + property, pointer);
        });
        action.expect().keySet().forEach(pointer -> checkPointer(where + "expect", pointer));
        checkHints(where, action);
        if (action.pagination() != null) {
            checkPagination(where, action, inputs, outputs);
        }
    }

    private void checkSchema(String where, JsonNode schema) {
        for (ValidationMessage message : META_SCHEMA.validate(schema)) {
            problems.add(where + " is not a valid JSON Schema: " + message.getMessage());
        }
        noNullMember(where, schema);
    }

    /**
     * A member without a value is never meant: it is what YAML makes of a comma inside an unquoted flow-mapping value
     * ({@code {description: Its name, without its owner.}} cuts the description and adds a key "without its owner.").
     */
    private void noNullMember(String where, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                problems.add(where + "." + field.getKey() + " has no value: quote a text that holds a comma");
            }
            noNullMember(where + "." + field.getKey(), field.getValue());
        });
        if (node.isArray()) {
            node.forEach(item -> noNullMember(where, item));
        }
    }

    private void checkHints(String where, Action action) {
        Action.Hints hints = action.hints();
        String method = action.request().method();
        if (hints.readOnly() && hints.destructive()) {
            problems.add(where + "hints: a read-only action cannot be destructive");
        }
        if (method.equals("GET") && !hints.readOnly()) {
            problems.add(where + "hints: a GET action is read-only");
        }
        if (Set.of("DELETE", "PUT", "PATCH").contains(method) && !hints.destructive()) {
            // MCP's destructiveHint: false says the tool only adds; a PUT or PATCH overwrites what was there.
            problems.add(where + "hints: a " + method + " action is destructive: it removes or overwrites what was there");
        }
    }

    private void checkPagination(String where, Action action, Set<String> inputs, Set<String> outputs) {
        if (inputs.contains(Action.CURSOR)) {
            problems.add(where + "input: a paged action's '" + Action.CURSOR + "' is added for it, not declared");
        }
        if (outputs.contains(Action.NEXT_CURSOR)) {
            problems.add(where + "output: a paged action's '" + Action.NEXT_CURSOR + "' is added for it, not declared");
        }
        Pagination pagination = action.pagination();
        if (pagination.url() != null) {
            checkPointer(where + "pagination.url", pagination.url());
        }
        Pagination.Cursor cursor = pagination.cursor();
        if (cursor != null) {
            checkPointer(where + "pagination.cursor.from", cursor.from());
            if (cursor.lastItemOf() != null) {
                checkPointer(where + "pagination.cursor.lastItemOf", cursor.lastItemOf());
            }
            if (cursor.more() != null) {
                checkPointer(where + "pagination.cursor.more", cursor.more());
            }
            if (cursor.to().startsWith("body.") && (action.request().body() == null || !action.request().body().isObject())) {
                problems.add(where + "pagination.cursor.to: a cursor in the body needs a JSON object body");
            }
        }
    }

    private void checkPointer(String where, String pointer) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": '" + pointer + "' is not a JSON Pointer");
        }
    }

    /** The variables of a template, or none (and a problem) when it names one that is not declared. */
    private Set<String> variables(String where, String template, Set<String> declared) {
        try {
            return Template.parse(template, declared).variables();
        } catch (TemplateException e) {
            problems.add(where + ": " + e.getMessage());
            return Set.of();
        }
    }

    /** Every template of a request but its path, named by where it sits. */
    private static Map<String, String> templates(ActionRequest request) {
        Map<String, String> templates = new LinkedHashMap<>();
        request.query().forEach((name, value) -> templates.put("request.query." + name, value));
        request.headers().forEach((name, value) -> templates.put("request.headers." + name, value));
        request.form().forEach((name, value) -> templates.put("request.form." + name, value));
        if (request.body() != null) {
            bodyTemplates("request.body", request.body(), templates);
        }
        return templates;
    }

    private static void bodyTemplates(String where, JsonNode node, Map<String, String> templates) {
        if (node.isTextual()) {
            templates.put(where, node.textValue());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> bodyTemplates(where + "." + field.getKey(), field.getValue(), templates));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                bodyTemplates(where + "[" + i + "]", node.get(i), templates);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
