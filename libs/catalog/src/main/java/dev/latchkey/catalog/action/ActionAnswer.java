package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.RawQuery;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's successful JSON answer to an action, as the action's output: each output property from its JSON Pointer
 * (left out when the answer lacks it) and, for a paged action, the cursor of the next page. A next-page URL becomes its
 * target under the API's base URL, without the query parameters the API sets itself (an API key among them): a cursor
 * never carries a credential.
 */
public final class ActionAnswer {

    /** {@code <target>; param; param}, one link of a Link header (RFC 8288 §3). */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(\"[^\"]*\"|[^\\s;,]+)");

    private ActionAnswer() {
    }

    /** Whether the answer has every value the action expects of a success (Slack's {@code "ok": true}). */
    public static boolean expected(Action action, JsonNode answer) {
        return action.expect().entrySet().stream().allMatch(expect -> answer.at(expect.getKey()).equals(expect.getValue()));
    }

    /**
     * @param links       the answer's Link header values
     * @param baseUrl     the API's base URL, without a trailing slash
     * @param apiQuery    the names of the query parameters the API sets itself on every call
     * @throws IllegalStateException when the provider names a next page outside the API's base URL
     */
    public static ObjectNode output(Action action, JsonNode answer, List<String> links, String baseUrl, Set<String> apiQuery) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        action.response().forEach((property, pointer) -> {
            JsonNode value = answer.at(pointer);
            if (!value.isMissingNode()) {
                output.set(property, value);
            }
        });
        Pagination pagination = action.pagination();
        if (pagination != null) {
            String next = pagination.link() != null ? nextLink(links, pagination.link())
                    : pagination.url() != null ? textAt(answer, pagination.url()) : null;
            String cursor = next != null ? under(next, baseUrl, apiQuery) : pagination.cursor() != null ? cursor(pagination.cursor(), answer) : null;
            if (cursor != null) {
                output.put(Action.NEXT_CURSOR, cursor);
            }
        }
        return output;
    }

    private static String cursor(Pagination.Cursor cursor, JsonNode answer) {
        if (cursor.more() != null && !answer.at(cursor.more()).asBoolean(false)) {
            return null;
        }
        JsonNode holder = answer;
        if (cursor.lastItemOf() != null) {
            JsonNode items = answer.at(cursor.lastItemOf());
            if (!items.isArray() || items.isEmpty()) {
                return null;
            }
            holder = items.get(items.size() - 1);
        }
        return textAt(holder, cursor.from());
    }

    /** A text or number at the pointer, null when absent, null or empty. */
    private static String textAt(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        String text = value.isTextual() || value.isNumber() ? value.asText() : null;
        return text == null || text.isEmpty() ? null : text;
    }

    /** The target of the first link of relation {@code rel} among the Link header values. */
    static String nextLink(List<String> links, String rel) {
        for (String header : links) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher relation = REL.matcher(link.group(2));
                if (relation.find() && Arrays.asList(relation.group(1).replace("\"", "").toLowerCase(Locale.ROOT).split("\\s+"))
                        .contains(rel)) {
                    return link.group(1).strip();
                }
            }
        }
        return null;
    }

    /** A next-page URL as a target under the API's base URL, without the API's own query parameters. */
    static String under(String url, String baseUrl, Set<String> apiQuery) {
        URI next = URI.create(baseUrl).resolve(url);
        URI base = URI.create(baseUrl);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        boolean sameOrigin = base.getScheme().equalsIgnoreCase(next.getScheme()) && base.getHost().equalsIgnoreCase(next.getHost())
                && base.getPort() == next.getPort();
        if (!sameOrigin || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            throw new IllegalStateException("the provider named a next page outside the API's base URL");
        }
        String query = next.getRawQuery() == null ? "" : RawQuery.without(next.getRawQuery(), apiQuery);
        String target = path.substring(basePath.length());
        return (target.isEmpty() ? "/" : target) + (query.isEmpty() ? "" : "?" + query);
    }
}
