package dev.latchkey.gateway.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PfxOptions;

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
 * The authorities the gateway trusts when an operator adds some: the JVM's own, plus the certificates of a PEM file
 * (a company CA that signs a self-hosted system's certificate). Adding never replaces the public authorities.
 */
final class TrustedAuthorities {

    private static final char[] PASSWORD = "latchkey".toCharArray();

    private TrustedAuthorities() {
    }

    static PfxOptions withPem(String pemFile) {
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, PASSWORD);
            return new PfxOptions().setValue(Buffer.buffer(bytes.toByteArray())).setPassword(new String(PASSWORD));
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
