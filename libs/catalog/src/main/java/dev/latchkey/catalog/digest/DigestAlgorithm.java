package dev.latchkey.catalog.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash algorithms of HTTP Digest (RFC 7616 §3.3, §6.1), each also in its {@code -sess} variant, whose A1 hashes
 * in the server's and the client's nonces.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    private final String token;
    private final String javaName;
    private final boolean session;

    DigestAlgorithm(String token, String javaName, boolean session) {
        this.token = token;
        this.javaName = javaName;
        this.session = session;
    }

    /** The algorithm a challenge names (MD5 when it names none, RFC 7616 §3.3); empty for one not known here. */
    static Optional<DigestAlgorithm> named(String token) {
        return token == null ? Optional.of(MD5)
                : Arrays.stream(values()).filter(algorithm -> algorithm.token.equalsIgnoreCase(token)).findFirst();
    }

    /** The name in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    boolean session() {
        return session;
    }

    /** H(data): the lower-case hex of the hash of the UTF-8 bytes. */
    String hash(String data) {
        return hash(data.getBytes(StandardCharsets.UTF_8));
    }

    String hash(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + javaName, e);
        }
    }
}
