package dev.latchkey.platform.sql;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The options of a LISTEN connection (the outbox relay's, a notified cache's): the datasource's URL (with its
 * {@code sslmode}), login and TLS trust exactly as Quarkus gives them to the pool
 * ({@code quarkus.datasource.reactive.trust-all}, {@code .trust-certificate-pem.certs},
 * {@code .hostname-verification-algorithm}), so a database that requires TLS takes the notifications' connection as
 * it takes the pool's.
 */
@ApplicationScoped
public class ListenConnection {

    private static final String NO_HOSTNAME_VERIFICATION = "NONE";

    private final PgConnectOptions options;

    public ListenConnection(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-all") Optional<Boolean> trustAll,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs") Optional<List<String>> trustedCertificates,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm") Optional<String> hostnameVerification) {
        this.options = options(databaseUrl, user, password, trustAll, trustedCertificates, hostnameVerification);
    }

    /** A copy, so that no user of it changes another's. */
    public PgConnectOptions options() {
        return new PgConnectOptions(options);
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
