package dev.latchkey.catalog.digest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A server's HTTP Digest challenge (RFC 7616) and the {@code Authorization} that answers it. Of the protections a
 * challenge offers, {@code auth} is taken over {@code auth-int} (which hashes the body in too); a challenge without
 * {@code qop} is answered the way RFC 2069 did. Hashes are over UTF-8, which RFC 7616 §4 allows servers to ask for and
 * is ASCII's own for the names and passwords servers without it accept.
 *
 * @param qop      {@code auth}, {@code auth-int}, or null for a challenge that offers none
 * @param userhash whether the server wants the user name hashed (RFC 7616 §3.4.4)
 * @param stale    whether the server refused the last answer only for its nonce: the password was right
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, String qop,
                              boolean userhash, boolean stale) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The first Digest challenge among a response's {@code WWW-Authenticate} values that this class can answer (RFC 7616
     * §3.7: a server lists the algorithms it prefers first); empty when there is none.
     */
    public static Optional<DigestChallenge> first(List<String> wwwAuthenticate) {
        return AuthChallenges.of(wwwAuthenticate).stream()
                .filter(challenge -> challenge.scheme().equals("digest"))
                .flatMap(challenge -> answerable(challenge).stream())
                .findFirst();
    }

    private static Optional<DigestChallenge> answerable(AuthChallenges.Challenge challenge) {
        var parameters = challenge.parameters();
        String realm = parameters.get("realm");
        String nonce = parameters.get("nonce");
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.named(parameters.get("algorithm"));
        if (realm == null || nonce == null || algorithm.isEmpty()) {
            return Optional.empty();
        }
        String offered = parameters.get("qop");
        String qop = null;
        if (offered != null) {
            List<String> protections = Arrays.stream(offered.split(",")).map(String::strip).toList();
            qop = protections.contains("auth") ? "auth" : protections.contains("auth-int") ? "auth-int" : null;
            if (qop == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new DigestChallenge(realm, nonce, parameters.get("opaque"), algorithm.get(), qop,
                "true".equalsIgnoreCase(parameters.get("userhash")), "true".equalsIgnoreCase(parameters.get("stale"))));
    }

    /** A fresh, unpredictable {@code cnonce}: 16 random bytes in hex. */
    public static String newClientNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /**
     * The {@code Authorization} value answering this challenge for one request.
     *
     * @param requestTarget the request's path and query as sent (its {@code uri} parameter)
     * @param count         how many requests this nonce has answered, this one included (the {@code nc}, from 1)
     * @param clientNonce   a fresh, unpredictable value of the client's (the {@code cnonce})
     * @param body          the request's body, hashed in under {@code auth-int}
     */
    public String authorization(String method, String requestTarget, String username, String password, long count,
            String clientNonce, byte[] body) {
        String a1 = algorithm.hash(username + ":" + realm + ":" + password);
        if (algorithm.session()) {
            a1 = algorithm.hash(a1 + ":" + nonce + ":" + clientNonce);
        }
        String a2 = algorithm.hash(method + ":" + requestTarget + ("auth-int".equals(qop) ? ":" + algorithm.hash(body) : ""));
        String nc = String.format("%08x", count);
        String response = qop == null ? algorithm.hash(a1 + ":" + nonce + ":" + a2)
                : algorithm.hash(String.join(":", a1, nonce, nc, clientNonce, qop, a2));

        StringJoiner header = new StringJoiner(", ", "Digest ", "");
        header.add(user(username));
        header.add("realm=" + quoted(realm));
        header.add("uri=" + quoted(requestTarget));
        header.add("algorithm=" + algorithm.token());
        header.add("nonce=" + quoted(nonce));
        if (qop != null) {
            header.add("nc=" + nc);
            header.add("cnonce=" + quoted(clientNonce));
            header.add("qop=" + qop);
        }
        header.add("response=" + quoted(response));
        if (opaque != null) {
            header.add("opaque=" + quoted(opaque));
        }
        if (userhash) {
            header.add("userhash=true");
        }
        return header.toString();
    }

    /** The user name as RFC 7616 §3.4.4 wants it: hashed, quoted, or in the extended notation when not plain ASCII. */
    private String user(String username) {
        if (userhash) {
            return "username=" + quoted(algorithm.hash(username + ":" + realm));
        }
        boolean plain = username.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return plain ? "username=" + quoted(username) : "username*=UTF-8''" + percentEncoded(username);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** RFC 8187's value-chars: attr-chars as they are, every other byte as %XX. */
    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
