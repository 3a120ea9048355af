package dev.latchkey.probes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Azure Storage's Shared Key authorization of a request without a body (learn.microsoft.com, "Authorize with Shared Key"):
 * HMAC-SHA256, keyed by the account key, of the verb, eleven empty standard headers, the {@code x-ms-} headers and the
 * canonical resource ({@code /account/path} and the query's parameters, sorted). A request with a shared access
 * signature in its query is left as it is.
 */
final class SharedKey {

    private SharedKey() {
    }

    static void sign(HttpRequest.Builder request, String verb, AzureConnectionString account, URI url) {
        request.header("x-ms-version", AzureBlobProbe.VERSION);
        if (account.accountKey().isEmpty() || account.sharedAccessSignature().isPresent()) {
            return;
        }
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        request.header("x-ms-date", date);
        String toSign = verb + "\n" + "\n".repeat(11) + "x-ms-date:" + date + "\nx-ms-version:" + AzureBlobProbe.VERSION + "\n"
                + canonicalResource(account.accountName(), url);
        request.header("Authorization", "SharedKey " + account.accountName() + ":" + hmac(account.accountKey().get(), toSign));
    }

    static String canonicalResource(String accountName, URI url) {
        StringBuilder resource = new StringBuilder("/").append(accountName).append(url.getRawPath());
        Map<String, String> parameters = new TreeMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
            }
        }
        parameters.forEach((name, value) -> resource.append('\n').append(name).append(':').append(value));
        return resource.toString();
    }

    private static String hmac(String base64Key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notBase64) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the connection string's AccountKey is not Base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
