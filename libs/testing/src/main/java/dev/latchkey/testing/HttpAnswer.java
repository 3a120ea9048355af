package dev.latchkey.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** What the service answered an {@link ApiCall}: status ({@code 0} when it did not answer), media type and body. */
public record HttpAnswer(int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The media type without parameters: {@code application/json} for {@code application/json;charset=UTF-8}. */
    public String mediaType() {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    public Optional<JsonNode> json() {
        try {
            return body.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why this answer is no RFC 9457 problem of its own status, or nothing when it is one. */
    public Optional<String> notAProblem() {
        if (!"application/problem+json".equals(mediaType())) {
            return Optional.of("is " + (contentType.isEmpty() ? "without a media type" : contentType) + ", not application/problem+json");
        }
        JsonNode problem = json().orElse(null);
        if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                || problem.path("status").asInt() != status) {
            return Optional.of("lacks the problem's type, title or status");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        String start = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return status + " " + contentType + " " + start;
    }
}
