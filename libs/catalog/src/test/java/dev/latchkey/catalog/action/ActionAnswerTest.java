package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.latchkey.catalog.action.ActionCallTest.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider's answer as an action's output, and the cursor of its next page. */
class ActionAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://api.example.com/v1";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void eachOutputPropertyComesFromItsPointerAndAbsentOnesAreLeftOut() throws Exception {
        Action action = ActionCallTest.YAML.readValue("""
                name: search
                title: Search
                description: Searches things for the tests, nothing more than that.
                hints: {readOnly: true, destructive: false, idempotent: true}
                input: {type: object}
                output: {type: object, properties: {total: {}, items: {}, first: {}, missing: {}}}
                request: {method: GET, path: /search}
                response: {total: /total_count, items: /items, first: /items/0/name, missing: /nowhere}
                """, Action.class);

        JsonNode output = ActionAnswer.output(action, json("{\"total_count\": 2, \"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}"),
                List.of(), BASE, Set.of());

        assertEquals(json("{\"total\": 2, \"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"first\": \"a\"}"), output);
    }

    @Test
    void aLinkHeadersNextPageBecomesATargetUnderTheBaseUrlWithoutTheApisOwnQuery() throws Exception {
        Action action = action("input: {type: object}\nrequest: {method: GET, path: /items}\npagination: {link: next}\n");
        String links = "<https://api.example.com/v1/items?page=1&key=SECRET>; rel=\"prev first\", "
                + "<https://api.example.com/v1/items?page=3&key=SECRET&per_page=5>; rel=\"next\"";

        JsonNode output = ActionAnswer.output(action, json("[]"), List.of(links), BASE, Set.of("key"));

        assertEquals("/items?page=3&per_page=5", output.get(Action.NEXT_CURSOR).asText(), "never the API key in the query");
        assertFalse(ActionAnswer.output(action, json("[]"), List.of("<" + BASE + "/items?page=1>; rel=prev"), BASE, Set.of())
                .has(Action.NEXT_CURSOR), "no next link: the last page");
    }

    @Test
    void aNextPageOutsideTheBaseUrlIsRefused() throws Exception {
        Action action = action("input: {type: object}\nrequest: {method: GET, path: /items}\npagination: {url: /next}\n");

        for (String elsewhere : List.of("https://evil.example/v1/items", "https://api.example.com/v2/items", "http://api.example.com/v1/items")) {
            assertThrows(IllegalStateException.class,
                    () -> ActionAnswer.output(action, json("{\"next\": \"" + elsewhere + "\"}"), List.of(), BASE, Set.of()));
        }
        assertEquals("/items?skiptoken=X", ActionAnswer.output(action, json("{\"next\": \"" + BASE + "/items?skiptoken=X\"}"),
                List.of(), BASE, Set.of()).get(Action.NEXT_CURSOR).asText());
    }

    @Test
    void theLastItemsIdIsTheCursorWhileThereIsMore() throws Exception {
        Action action = action("""
                input: {type: object}
                request: {method: GET, path: /customers}
                pagination: {cursor: {lastItemOf: /data, from: /id, to: query.starting_after, more: /has_more}}
                """);

        assertEquals("cus_2", ActionAnswer.output(action, json("{\"data\": [{\"id\": \"cus_1\"}, {\"id\": \"cus_2\"}], \"has_more\": true}"),
                List.of(), BASE, Set.of()).get(Action.NEXT_CURSOR).asText());
        assertFalse(ActionAnswer.output(action, json("{\"data\": [{\"id\": \"cus_3\"}], \"has_more\": false}"),
                List.of(), BASE, Set.of()).has(Action.NEXT_CURSOR));
    }

    @Test
    void anEmptyCursorIsTheLastPage() throws Exception {
        Action action = action("""
                input: {type: object}
                request: {method: GET, path: /conversations.list}
                pagination: {cursor: {from: /response_metadata/next_cursor, to: query.cursor}}
                """);

        assertFalse(ActionAnswer.output(action, json("{\"response_metadata\": {\"next_cursor\": \"\"}}"), List.of(), BASE, Set.of())
                .has(Action.NEXT_CURSOR));
    }

    @Test
    void anAnswerWithoutWhatTheActionExpectsIsNotASuccess() throws Exception {
        Action action = action("input: {type: object}\nrequest: {method: POST, path: /chat.postMessage}\nexpect: {/ok: true}\n");

        assertTrue(ActionAnswer.expected(action, json("{\"ok\": true}")));
        assertFalse(ActionAnswer.expected(action, json("{\"ok\": false, \"error\": \"channel_not_found\"}")));
    }
}
