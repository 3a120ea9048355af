package dev.latchkey.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint that plays a provider's JWT bearer grant (RFC 7523 §2.1) as Google documents it for service
 * accounts: {@code POST /token} with {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} and an RS256
 * {@code assertion} whose {@code iss} is the account, {@code aud} this token URL, {@code exp} at most an hour after
 * {@code iat}, signed by the account's key. A valid one gets a one-hour access token; anything else {@code invalid_grant}.
 */
public final class JwtBearerProvider implements AutoCloseable {

    public static final String ACCOUNT = "robot@latchkey-tests.iam.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair account;
    private final List<JsonNode> grantedClaims = new CopyOnWriteArrayList<>();

    public JwtBearerProvider() throws IOException {
        account = rsaKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The account's private key as a service account's key file holds it: PKCS #8 PEM. */
    public String privateKeyPem() {
        return pem(account);
    }

    /** Another key, which this provider does not know. */
    public static String unknownKeyPem() {
        return pem(rsaKeyPair());
    }

    /** The claims of each assertion that got a token, in order. */
    public List<JsonNode> grantedClaims() {
        return List.copyOf(grantedClaims);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        JsonNode claims = "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                ? verified(form.getOrDefault("assertion", "")) : null;
        if (claims == null) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
            return;
        }
        grantedClaims.add(claims);
        answer(exchange, 200, "{\"access_token\":\"ya29.jwt-bearer-" + grantedClaims.size()
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    }

    /** The assertion's claims when its signature, issuer, audience and lifetime hold; null otherwise. */
    private JsonNode verified(String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(account.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = Instant.now().getEpochSecond();
            boolean valid = rs256.verify(Base64.getUrlDecoder().decode(parts[2])) && header.path("alg").asText().equals("RS256")
                    && claims.path("iss").asText().equals(ACCOUNT) && claims.path("aud").asText().equals(tokenUrl())
                    && claims.path("iat").asLong() <= now + 60 && claims.path("exp").asLong() > now
                    && claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600;
            return valid ? claims : null;
        } catch (Exception malformed) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
}
