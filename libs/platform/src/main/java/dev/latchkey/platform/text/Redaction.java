package dev.latchkey.platform.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes the secrets of one request out of a message before it is stored, published or logged: a client library's
 * failure may quote what it was given ({@code invalid header value: "Bearer <key>\n"}). Each secret is replaced by
 * {@value #MARK} as it is, URL-encoded and Base64-encoded, and so is every credential an authenticating header
 * carries (Basic's Base64 of {@code user:password}, a cookie).
 */
public final class Redaction {

    public static final String MARK = "[redacted]";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private final List<String> secrets;

    private Redaction(Collection<String> secrets) {
        // Longest first, so a secret that contains another is replaced whole.
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Every secret value of the request and its encodings. */
    public static Redaction of(Collection<String> secretValues) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secretValues) {
            if (secret != null && !secret.isEmpty()) {
                forms.add(secret);
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new Redaction(forms);
    }

    /** Also the credentials {@code headers} carry: the whole value of an authenticating header, and what follows its scheme. */
    public Redaction andHeaders(Map<String, String> headers) {
        Set<String> forms = new LinkedHashSet<>(secrets);
        headers.forEach((name, value) -> {
            if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                forms.add(value);
                forms.add(value.substring(value.indexOf(' ') + 1));
            }
        });
        return new Redaction(forms);
    }

    public String apply(String message) {
        if (message == null) {
            return null;
        }
        String safe = message;
        for (String secret : secrets) {
            safe = safe.replace(secret, MARK);
        }
        return safe;
    }
}
