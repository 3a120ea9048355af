package dev.latchkey.platform.outbound;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The authorities trusted when an operator adds some: the JVM's own, plus the certificates of a PEM file (a company CA
 * that signs a self-hosted system's or an on-premises identity provider's certificate). Adding never replaces the
 * public authorities.
 */
public final class TrustedAuthorities {

    /** The password of {@link #pkcs12}'s store: it holds public certificates only. */
    public static final String PKCS12_PASSWORD = "latchkey";

    private TrustedAuthorities() {
    }

    /** The JVM's authorities and {@code pemFile}'s, as a PKCS #12 store (what Vert.x takes). */
    public static byte[] pkcs12(String pemFile) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            withPem(pemFile).store(bytes, PKCS12_PASSWORD.toCharArray());
            return bytes.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the trusted certificates of " + pemFile, e);
        }
    }

    /** A TLS context that trusts the JVM's authorities and {@code pemFile}'s (what the JDK's HTTP client takes). */
    public static SSLContext sslContext(String pemFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(withPem(pemFile));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the certificates of " + pemFile, e);
        }
    }

    private static KeyStore withPem(String pemFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (X509Certificate authority : jvmAuthorities()) {
                store.setCertificateEntry("jvm-" + index++, authority);
            }
            try (InputStream pem = Files.newInputStream(Path.of(pemFile))) {
                for (Certificate added : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    store.setCertificateEntry("added-" + index++, added);
                }
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the trusted certificates in " + pemFile, e);
        }
    }

    private static X509Certificate[] jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).flatMap(manager -> Arrays.stream(manager.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
