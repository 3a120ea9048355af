package dev.latchkey.catalog;

import dev.latchkey.catalog.action.ActionsFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of broken actions file fails the build with a message that names the file, the action and the problem. */
class ActionRulesTest {

    private static final String VALID = """
            entry: github
            actions:
              - name: get_issue
                title: Get an issue
                description: Reads one issue of a repository by its number, with its state and labels.
                hints: {readOnly: true, destructive: false, idempotent: true}
                input:
                  type: object
                  additionalProperties: false
                  required: [owner, repo, number]
                  properties:
                    owner: {type: string}
                    repo: {type: string}
                    number: {type: integer}
                    fields: {type: string}
                request:
                  method: GET
                  path: /repos/{{input.owner}}/{{input.repo}}/issues/{{input.number}}
                  query: {fields: "{{input.fields}}"}
                response: {issue: ""}
                output:
                  type: object
                  properties:
                    issue: {type: object}
            """;

    private final Catalog catalog = Catalog.load();
    private final ActionsReader reader = new ActionsReader();

    @Test
    void aValidFileIsRead() {
        ActionsFile file = read("github.yaml", VALID);

        assertEquals("get_issue", file.actions().get(0).name());
        assertEquals("GET", file.actions().get(0).request().method());
    }

    @Test
    void theCatalogsOwnActionsAreRead() {
        assertTrue(catalog.action("github", "create_issue").isPresent());
        assertTrue(catalog.actions("postgresql").isEmpty(), "an entry without actions has none");
    }

    @Test
    void anUndeclaredInputIsRefused() {
        assertRefused(VALID.replace("{{input.fields}}", "{{input.feilds}}"), "get_issue: request.query.fields: 'input.feilds'");
    }

    @Test
    void anOptionalPathVariableIsRefused() {
        assertRefused(VALID.replace("required: [owner, repo, number]", "required: [owner, repo]"),
                "'input.number' must be a required input");
    }

    @Test
    void aCredentialInATemplateIsRefused() {
        assertRefused(VALID.replace("{{input.fields}}", "{{credentials.token}}"), "is not declared");
    }

    @Test
    void aResponseMappedToAnUndeclaredOutputIsRefused() {
        assertRefused(VALID.replace("response: {issue: \"\"}", "response: {issue: \"\", labels: /labels}"),
                "response: 'labels' is not an output property");
    }

    @Test
    void aNonPointerIsRefused() {
        assertRefused(VALID.replace("response: {issue: \"\"}", "response: {issue: labels}"), "response");
    }

    @Test
    void aTextCutShortByAnUnquotedCommaIsRefused() {
        assertRefused(VALID.replace("owner: {type: string}", "owner: {type: string, description: Its login, or its org.}"),
                "get_issue: input.properties.owner.or its org. has no value");
    }

    @Test
    void anInvalidInputSchemaIsRefused() {
        assertRefused(VALID.replace("number: {type: integer}", "number: {type: integr}"), "get_issue: input is not a valid JSON Schema");
    }

    @Test
    void hintsThatContradictTheMethodAreRefused() {
        assertRefused(VALID.replace("readOnly: true", "readOnly: false"), "a GET action is read-only");
        assertRefused(VALID.replace("method: GET", "method: DELETE").replace("readOnly: true", "readOnly: false"),
                "a DELETE action is destructive");
        assertRefused(VALID.replace("method: GET", "method: PATCH").replace("readOnly: true", "readOnly: false"),
                "a PATCH action is destructive");
        assertRefused(VALID.replace("destructive: false", "destructive: true"), "a read-only action cannot be destructive");
    }

    @Test
    void paginationsOwnInputAndOutputAreNotDeclaredByHand() {
        assertRefused(VALID.replace("response: {issue: \"\"}", "pagination: {link: next}\n    response: {issue: \"\"}")
                .replace("fields: {type: string}", "cursor: {type: string}").replace("{{input.fields}}", "{{input.cursor}}"),
                "'cursor' is added for it");
    }

    @Test
    void aFileNamedAfterAnotherEntryOrNoEntryIsRefused() {
        assertRefused("gitlab.yaml", VALID, "entry 'github' is not the file name 'gitlab'");
        assertRefused("nowhere.yaml", VALID.replace("entry: github", "entry: nowhere"), "no catalog entry 'nowhere'");
        assertRefused("postgresql.yaml", VALID.replace("entry: github", "entry: postgresql"), "has no API to call");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        String twice = VALID + VALID.substring(VALID.indexOf("  - name:"));
        assertRefused(twice, "get_issue: the name is used twice");
    }

    private ActionsFile read(String file, String yaml) {
        return reader.read(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), key -> catalog.find(key).orElse(null));
    }

    private void assertRefused(String yaml, String expected) {
        assertRefused("github.yaml", yaml, expected);
    }

    private void assertRefused(String file, String yaml, String expected) {
        CatalogException refused = assertThrows(CatalogException.class, () -> read(file, yaml));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertTrue(refused.getMessage().contains(file), refused.getMessage());
    }
}
