package dev.latchkey.probes;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Trusts only the CA certificates of a PEM text: what Microsoft's JDBC driver builds from {@code trustManagerClass} and
 * {@code trustManagerConstructorArg}, since it takes trust stores as files only.
 */
public final class PemTrustManager implements X509TrustManager {

    private final X509TrustManager trust;

    public PemTrustManager(String pem) {
        this.trust = Arrays.stream(TrustedCertificates.trustManagers(Optional.of(pem))).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst().orElseThrow();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
