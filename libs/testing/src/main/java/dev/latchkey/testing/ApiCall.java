package dev.latchkey.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One request to the service under test, sent exactly as written: the path and query stay percent-encoded as given
 * ({@code %00}, {@code %7B}), the body is bytes (a NUL, invalid UTF-8). Its {@code toString}
 * is how an assertion names the request.
 */
public record ApiCall(String method, String rawPath, String rawQuery, String contentType, byte[] body, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static ApiCall json(String method, String rawPath, String token, String body) {
        return new ApiCall(method, rawPath, null, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), token);
    }

    public ApiCall withBody(String type, byte[] bytes) {
        return new ApiCall(method, rawPath, rawQuery, type, bytes, token);
    }

    public ApiCall withQuery(String query) {
        return new ApiCall(method, rawPath, query, contentType, body, token);
    }

    public HttpAnswer send() {
        String target = RestAssured.baseURI + ":" + RestAssured.port + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new HttpAnswer(0, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending " + this, e);
        }
    }

    @Override
    public String toString() {
        String query = rawQuery == null ? "" : "?" + rawQuery;
        String text = method + " " + rawPath + query
                + (body == null ? "" : " " + contentType + " " + new String(body, StandardCharsets.UTF_8));
        String printable = text.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)).collect(java.util.stream.Collectors.joining());
        return printable.length() > 240 ? printable.substring(0, 240) + "… (" + printable.length() + " characters)" : printable;
    }
}
