package dev.latchkey.platform.outbox;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;

import java.util.List;
import java.util.Optional;

/**
 * The options of the relay's LISTEN connection: the datasource's URL (with its {@code sslmode}), login and TLS
 * trust exactly as Quarkus gives them to the pool ({@code quarkus.datasource.reactive.trust-all},
 * {@code .trust-certificate-pem.certs}, {@code .hostname-verification-algorithm}), so a database that requires TLS
 * takes the notifications' connection as it takes the pool's.
 */
final class ListenConnection {

    private static final String NO_HOSTNAME_VERIFICATION = "NONE";

    private ListenConnection() {
    }

    static PgConnectOptions options(String url, String user, Optional<String> password, Optional<Boolean> trustAll,
            Optional<List<String>> trustedCertificates, Optional<String> hostnameVerification) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(""));
        trustAll.ifPresent(options::setTrustAll);
        trustedCertificates.filter(paths -> !paths.isEmpty()).ifPresent(paths -> {
            PemTrustOptions pem = new PemTrustOptions();
            paths.forEach(pem::addCertPath);
            options.setTrustOptions(pem);
        });
        hostnameVerification.ifPresent(algorithm -> options.setHostnameVerificationAlgorithm(
                NO_HOSTNAME_VERIFICATION.equalsIgnoreCase(algorithm) ? "" : algorithm));
        return options;
    }
}
