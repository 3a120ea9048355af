package dev.latchkey.gateway.service;

import dev.latchkey.catalog.AuthorizedRequest;
import dev.latchkey.catalog.RawQuery;
import dev.latchkey.gateway.client.ProviderCall;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;
import io.vertx.core.MultiMap;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What passes between a caller and a provider, each way. To the provider: the caller's method, path (under the API's
 * base URL, never above it), query and headers, without the caller's own credentials (its {@code Authorization} and
 * cookies), without hop-by-hop headers (RFC 9110 §7.6.1) and without what names the gateway's side of the exchange
 * (its host, the forwarding chain); then the API's headers and query parameters and the connection's credentials,
 * which nothing the caller sends can replace. Back to the caller: the provider's headers but hop-by-hop ones.
 */
public final class Forwarding {

    /** RFC 9110 §7.6.1, with Keep-Alive and Proxy-Connection that older peers still send. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> NOT_FORWARDED = Set.of("authorization", "cookie", "host", "content-length", "expect",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip");

    private Forwarding() {
    }

    static ProviderCall toProvider(IncomingCall call, AuthorizedRequest api) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> dropped = droppedBy(call.headers());
        call.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !NOT_FORWARDED.contains(name)) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        api.headers().forEach(headers::set);
        return new ProviderCall(call.method(), uri(api.baseUrl() + path(call.rawPath(), call.pathFromCatalog())
                        + query(call.rawQuery(), api.query())),
                headers, call.body());
    }

    /**
     * The provider's headers as the caller gets them. The body's framing is the gateway's own (it streams what arrives),
     * so the provider's {@code Content-Length} goes with the other hop-by-hop headers.
     */
    public static Map<String, List<String>> toCaller(MultiMap providerHeaders) {
        Set<String> dropped = droppedBy(providerHeaders);
        dropped.add("content-length");
        return providerHeaders.names().stream().filter(name -> !dropped.contains(name.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toMap(name -> name, providerHeaders::getAll, (first, second) -> first));
    }

    /** The hop-by-hop headers, and those the {@code Connection} header names as such. */
    private static Set<String> droppedBy(MultiMap headers) {
        Set<String> dropped = new java.util.HashSet<>(HOP_BY_HOP);
        headers.getAll("Connection").forEach(value -> Arrays.stream(value.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).forEach(dropped::add));
        return dropped;
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The path or query is not a valid URL part.",
                    List.of(new Problem.FieldError("path", "is not a valid URL path and query")));
        }
    }

    /**
     * The caller's path, refused when a segment would climb above the API's base path. An action's path may hold an
     * encoded slash in a segment: the catalog encoded a value there whole, having refused one that climbs.
     */
    private static String path(String rawPath, boolean fromCatalog) {
        if (rawPath.isEmpty()) {
            return "";
        }
        for (String segment : rawPath.split("/")) {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            boolean climbs = Arrays.stream(decoded.split("[/\\\\]", -1)).anyMatch(part -> part.equals(".") || part.equals(".."));
            if (climbs || !fromCatalog && (decoded.contains("/") || decoded.contains("\\"))) {
                throw new InvalidInputException("The path may not leave the API's base path.",
                        List.of(new Problem.FieldError("path", "has a '.', '..' or encoded slash segment")));
            }
        }
        return rawPath.startsWith("/") ? rawPath : "/" + rawPath;
    }

    /** The caller's query without parameters the API sets itself, then the API's (a key in the query among them). */
    private static String query(String rawQuery, Map<String, String> apiQuery) {
        String callers = rawQuery == null ? "" : RawQuery.without(rawQuery, apiQuery.keySet());
        String apis = apiQuery.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String joined = callers.isEmpty() ? apis : apis.isEmpty() ? callers : callers + "&" + apis;
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
