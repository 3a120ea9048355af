package dev.latchkey.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.catalog.action.ActionAnswer;
import dev.latchkey.catalog.action.ActionCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract tests of the catalog's actions: each case of {@code action-contracts/<entry>.yaml} renders an action's
 * request from an example input, sends it over real HTTP to a local server standing in for the provider, checks what
 * arrived (method, path, query, body) against the request the provider's API reference documents, answers with the
 * response the reference documents, and checks the action's output (against its output schema too, as MCP clients do)
 * and next page. They prove the catalog's data against the providers' documentation, not against the providers: the
 * cases' sources are in VERIFICATION.md.
 */
class ActionContractTest {

    private static final ObjectMapper YAML = CatalogEntryReader.YAML;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTRACTS = Path.of("src/test/resources/action-contracts");

    private static final Catalog CATALOG = Catalog.load();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HttpServer provider;
    private static final AtomicReference<Arrived> ARRIVED = new AtomicReference<>();
    private static final AtomicReference<JsonNode> ANSWER = new AtomicReference<>();

    /** What the stand-in received. */
    private record Arrived(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            ARRIVED.set(new Arrived(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes()));
            JsonNode answer = ANSWER.get();
            answer.path("headers").fields().forEachRemaining(header -> exchange.getResponseHeaders()
                    .add(header.getKey(), withBase(header.getValue().asText())));
            byte[] body = answer.has("body") ? withBase(answer.get("body").toString()).getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (body.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(answer.path("status").asInt(200), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    /** The stand-in's origin, which {@code {origin}} in a case's answer stands for (a next page's URL). */
    private static String origin() {
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private static String withBase(String text) {
        return text.replace("{origin}", origin());
    }

    @Test
    void everyActionHasAContractCase() throws IOException {
        Set<String> covered = new HashSet<>();
        for (Path file : files()) {
            JsonNode contract = YAML.readTree(file.toFile());
            contract.path("cases").forEach(each -> covered.add(contract.path("entry").asText() + "." + each.path("action").asText()));
        }
        List<String> missing = CATALOG.all().stream().flatMap(entry -> CATALOG.actions(entry.key()).stream()
                .map(action -> entry.key() + "." + action.name())).filter(name -> !covered.contains(name)).toList();
        assertTrue(missing.isEmpty(), missing.size() + " actions have no contract case: " + missing);
    }

    @TestFactory
    Stream<DynamicTest> eachCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            JsonNode contract = YAML.readTree(file.toFile());
            String entry = contract.path("entry").asText();
            for (JsonNode each : contract.path("cases")) {
                String name = entry + "." + each.path("action").asText() + (each.has("title") ? " (" + each.get("title").asText() + ")" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(entry, contract.path("config"), each)));
            }
        }
        return tests.stream();
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(CONTRACTS)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static void check(String entryKey, JsonNode config, JsonNode each) throws Exception {
        CatalogEntry entry = CATALOG.find(entryKey).orElseThrow();
        Action action = CATALOG.action(entryKey, each.path("action").asText()).orElseThrow(
                () -> new AssertionError("no action " + each.path("action").asText()));
        Map<String, String> values = new HashMap<>();
        config.fields().forEachRemaining(field -> values.put("config." + field.getKey(), field.getValue().asText()));
        String basePath = URI.create(Template.parse(entry.api().orElseThrow().baseUrl(), values.keySet()).render(values)).getRawPath();
        String base = origin() + (basePath == null ? "" : basePath.replaceAll("/+$", ""));

        ActionCall call = ActionCall.of(action, each.path("input"), values);
        ANSWER.set(each.path("answer"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.rawPath() + (call.rawQuery().isEmpty() ? "" : "?" + call.rawQuery())))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        Arrived arrived = ARRIVED.get();
        JsonNode expected = each.path("request");
        assertEquals(expected.path("method").asText(), arrived.method(), "method");
        assertEquals((basePath == null ? "" : basePath.replaceAll("/+$", "")) + expected.path("path").asText(), arrived.rawPath(), "path");
        assertEquals(pairs(expected.path("query")), decoded(arrived.rawQuery()), "query");
        expected.path("headers").fields().forEachRemaining(header ->
                assertEquals(header.getValue().asText(), arrived.headers().get(header.getKey().toLowerCase()), "header " + header.getKey()));
        if (expected.has("body")) {
            assertEquals("application/json", arrived.headers().get("content-type"), "a JSON body's type");
            assertEquals(expected.get("body"), JSON.readTree(arrived.body()), "body");
        } else if (expected.has("form")) {
            assertEquals(pairs(expected.get("form")), decoded(new String(arrived.body(), StandardCharsets.UTF_8)), "form");
        } else {
            assertEquals(0, arrived.body().length, "no body");
        }

        JsonNode answered = answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        assertTrue(ActionAnswer.expected(action, answered), "the documented success is one the action expects");
        ObjectNode output = ActionAnswer.output(action, answered, answer.headers().allValues("Link"), base, Set.of());
        Set<ValidationMessage> misfits = SCHEMAS.getSchema(action.outputSchema()).validate(output);
        assertTrue(misfits.isEmpty(), "the output fits the action's output schema, which MCP clients hold it to: " + misfits);
        if (each.has("output")) {
            assertContains(each.get("output"), output, "output");
        }
        if (each.has("nextCursor")) {
            assertNotNull(output.get(Action.NEXT_CURSOR), "a next page");
            assertEquals(each.get("nextCursor").asText(), output.get(Action.NEXT_CURSOR).asText(), "next cursor");
        }
    }

    /** {@code expected} is in {@code actual}: every member of an object and every item of an array, recursively. */
    private static void assertContains(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            assertTrue(actual != null && actual.isObject(), where + " is not an object: " + actual);
            expected.fields().forEachRemaining(field -> assertContains(field.getValue(), actual.get(field.getKey()), where + "." + field.getKey()));
        } else if (expected.isArray()) {
            assertTrue(actual != null && actual.isArray() && actual.size() >= expected.size(), where + " lacks items: " + actual);
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static Map<String, String> pairs(JsonNode object) {
        Map<String, String> pairs = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> pairs.put(field.getKey(), field.getValue().isTextual()
                ? field.getValue().textValue() : field.getValue().toString()));
        return pairs;
    }

    private static Map<String, String> decoded(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> a + "," + b,
                LinkedHashMap::new));
    }
}
