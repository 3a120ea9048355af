package dev.latchkey.catalog.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded}, as OAuth2 requests carry their parameters (RFC 6749 Appendix B), in
 * a query or a body. Spaces become {@code %20}, which both read as a space.
 */
public final class FormUrlEncoding {

    private FormUrlEncoding() {
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
