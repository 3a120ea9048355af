package dev.latchkey.probes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;

/** The TLS trust a probe uses: the JVM's public CAs, or only the CA certificate the user pasted (PEM). */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLContext sslContext(Optional<String> caPem) {
        try {
            if (caPem.isEmpty()) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(caPem), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    static TrustManager[] trustManagers(Optional<String> caPem) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caPem.isEmpty() ? null : keyStore(caPem.get()));
            return trust.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the CA certificate is not a valid PEM certificate");
        }
    }

    private static KeyStore keyStore(String pem) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the CA certificate holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return store;
    }
}
