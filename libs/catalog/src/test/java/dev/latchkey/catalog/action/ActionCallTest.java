package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An action's request rendered from an input: what goes in the path, the query, the headers and the body. */
class ActionCallTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static Action action(String yaml) throws Exception {
        return YAML.readValue("""
                name: test_action
                title: Test action
                description: An action of the tests, nothing more than that.
                hints: {readOnly: false, destructive: false, idempotent: false}
                output: {type: object, properties: {result: {}}}
                response: {result: ""}
                """ + yaml, Action.class);
    }

    private static JsonNode input(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void pathValuesAreOneEncodedSegmentEachAndAbsentOptionalParametersAreLeftOut() throws Exception {
        Action action = action("""
                input: {type: object, required: [project], properties: {project: {type: string}, state: {type: string}, per_page: {type: integer}}}
                request:
                  method: GET
                  path: /projects/{{input.project}}/issues
                  query: {state: "{{input.state}}", per_page: "{{input.per_page}}", scope: all}
                  headers: {X-Site: "{{config.site}}"}
                """);

        ActionCall call = ActionCall.of(action, input("{\"project\": \"group/sub project\", \"per_page\": 50}"), Map.of("config.site", "acme"));

        assertEquals("/projects/group%2Fsub%20project/issues", call.rawPath());
        assertEquals("per_page=50&scope=all", call.rawQuery());
        assertEquals(Map.of("X-Site", "acme"), call.headers());
        assertNull(call.body());
    }

    @Test
    void aPathValueThatWouldClimbIsRefusedNamingTheInputNotItsValue() throws Exception {
        Action action = action("""
                input: {type: object, required: [id], properties: {id: {type: string}}}
                request: {method: GET, path: "/items/{{input.id}}"}
                """);

        for (String climbing : new String[] {"..", ".", "a/../../admin", "..\\\\x"}) {
            var refused = assertThrows(ActionCall.InvalidInput.class,
                    () -> ActionCall.of(action, JSON.createObjectNode().put("id", climbing), Map.of()));
            assertEquals("id", refused.field());
        }
    }

    @Test
    void aJsonBodyKeepsEachInputsTypeAndLeavesOutWhatIsAbsent() throws Exception {
        Action action = action("""
                input: {type: object, properties: {title: {type: string}, labels: {type: array}, draft: {type: boolean}, note: {type: string}}}
                request:
                  method: POST
                  path: /issues
                  body:
                    title: "{{input.title}}"
                    labels: "{{input.labels}}"
                    draft: "{{input.draft}}"
                    meta: {summary: "Note: {{input.note}}", kind: issue}
                """);

        ActionCall call = ActionCall.of(action, input("{\"title\": \"Broken\", \"labels\": [\"bug\", \"p1\"], \"draft\": false}"), Map.of());

        assertEquals("application/json", call.contentType());
        assertEquals(input("{\"title\": \"Broken\", \"labels\": [\"bug\", \"p1\"], \"draft\": false, \"meta\": {\"kind\": \"issue\"}}"),
                JSON.readTree(call.body()));
    }

    @Test
    void anObjectLeftWithNothingIsLeftOutButTheBodyIsSent() throws Exception {
        Action action = action("""
                input: {type: object, properties: {title: {type: string}, due: {type: string}}}
                request:
                  method: PATCH
                  path: /tasks/1
                  body: {title: "{{input.title}}", schedule: {due: "{{input.due}}"}, kind: task}
                """);

        assertEquals(input("{\"title\": \"Ship\", \"kind\": \"task\"}"),
                JSON.readTree(ActionCall.of(action, input("{\"title\": \"Ship\"}"), Map.of()).body()));
        Action onlyInputs = action("""
                input: {type: object, properties: {title: {type: string}}}
                request: {method: POST, path: /tasks, body: {title: "{{input.title}}"}}
                """);
        assertEquals("{}", new String(ActionCall.of(onlyInputs, input("{}"), Map.of()).body(), StandardCharsets.UTF_8));
    }

    @Test
    void aFormBodyIsEncodedAndListsAreCommaJoined() throws Exception {
        Action action = action("""
                input: {type: object, properties: {to: {type: string}, body: {type: string}, tags: {type: array}}}
                request:
                  method: POST
                  path: /Messages.json
                  form: {To: "{{input.to}}", Body: "{{input.body}}", Tags: "{{input.tags}}"}
                """);

        ActionCall call = ActionCall.of(action, input("{\"to\": \"+15551234567\", \"body\": \"a & b\", \"tags\": [\"x\", \"y\"]}"), Map.of());

        assertEquals("application/x-www-form-urlencoded", call.contentType());
        assertEquals("To=%2B15551234567&Body=a+%26+b&Tags=x%2Cy", new String(call.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aCursorGoesWhereThePaginationSays() throws Exception {
        Action inQuery = action("""
                input: {type: object, properties: {limit: {type: integer}}}
                request: {method: GET, path: /conversations.list, query: {limit: "{{input.limit}}"}}
                pagination: {cursor: {from: /response_metadata/next_cursor, to: query.cursor}}
                """);
        assertEquals("limit=10&cursor=dXNlcjpVMDYxTkZUVDI%3D",
                ActionCall.of(inQuery, input("{\"limit\": 10, \"cursor\": \"dXNlcjpVMDYxTkZUVDI=\"}"), Map.of()).rawQuery());

        Action inBody = action("""
                input: {type: object, properties: {}}
                request: {method: POST, path: /search, body: {page_size: 50}}
                pagination: {cursor: {from: /next_cursor, to: body.start_cursor, more: /has_more}}
                """);
        assertEquals(input("{\"page_size\": 50, \"start_cursor\": \"abc\"}"),
                JSON.readTree(ActionCall.of(inBody, input("{\"cursor\": \"abc\"}"), Map.of()).body()));

        Action graphQl = action("""
                input: {type: object, properties: {first: {type: integer}}}
                request: {method: POST, path: /graphql.json, body: {query: "query($after: String) { x }", variables: {first: "{{input.first}}"}}}
                pagination: {cursor: {from: /data/products/pageInfo/endCursor, to: body.variables.after, more: /data/products/pageInfo/hasNextPage}}
                """);
        assertEquals(input("{\"query\": \"query($after: String) { x }\", \"variables\": {\"first\": 5, \"after\": \"eyJsYXN0\"}}"),
                JSON.readTree(ActionCall.of(graphQl, input("{\"first\": 5, \"cursor\": \"eyJsYXN0\"}"), Map.of()).body()));
    }

    @Test
    void anUnpagedActionsOwnCursorInputIsAnInputLikeAnyOther() throws Exception {
        Action action = action("""
                input: {type: object, properties: {cursor: {type: string}}}
                request: {method: POST, path: /files/list_folder/continue, body: {cursor: "{{input.cursor}}"}}
                """);

        assertEquals(input("{\"cursor\": \"AAE1\"}"), JSON.readTree(ActionCall.of(action, input("{\"cursor\": \"AAE1\"}"), Map.of()).body()));
    }

    @Test
    void aNextPageUrlCursorIsTheTargetItNames() throws Exception {
        Action action = action("""
                input: {type: object, properties: {per_page: {type: integer}}}
                request: {method: GET, path: /user/repos, query: {per_page: "{{input.per_page}}"}}
                pagination: {link: next}
                """);

        ActionCall call = ActionCall.of(action, input("{\"per_page\": 5, \"cursor\": \"/user/repos?per_page=5&page=2\"}"), Map.of());

        assertEquals("/user/repos", call.rawPath());
        assertEquals("per_page=5&page=2", call.rawQuery());
        assertThrows(ActionCall.InvalidInput.class,
                () -> ActionCall.of(action, input("{\"cursor\": \"https://elsewhere.example/x\"}"), Map.of()));
    }
}
