package dev.latchkey.probes;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;

/** NATS with jnats: connects to the servers with the user and password or the token, and reads the version. */
final class NatsProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("nats");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String[] servers = Arrays.stream(target.required("servers").split(","))
                .map(String::trim).filter(server -> !server.isEmpty())
                .map(server -> checked(server, target)).toArray(String[]::new);
        boolean tls = target.flag("tls", false) || Arrays.stream(servers).anyMatch(server -> server.startsWith("tls://"));
        // Nats.connect reports only "Unable to connect"; the error listener hears the real cause.
        AtomicReference<Exception> lastError = new AtomicReference<>();
        ErrorListener listener = new ErrorListener() {
            @Override
            public void exceptionOccurred(Connection connection, Exception exception) {
                lastError.set(exception);
            }

            @Override
            public void errorOccurred(Connection connection, String error) {
                lastError.set(new IOException(error));
            }
        };
        Options.Builder options = new Options.Builder()
                .errorListener(listener)
                .servers(servers)
                .noRandomize()
                .noReconnect()
                .connectionName("latchkey-probe")
                .connectionTimeout(target.timeout())
                .socketReadTimeoutMillis(target.timeoutMillis());
        if (target.optional("token").isPresent()) {
            options.token(target.required("token").toCharArray());
        } else if (target.optional("username").isPresent()) {
            options.userInfo(target.required("username").toCharArray(), target.optional("password").orElse("").toCharArray());
        }
        if (tls) {
            options.sslContext(TrustedCertificates.sslContext(target.optional("caCertificate")));
        }
        try (Connection connection = Nats.connect(options.build())) {
            return "connected to NATS " + connection.getServerInfo().getVersion() + " at " + connection.getConnectedUrl();
        } catch (AuthenticationException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the credentials");
        } catch (Exception e) {
            throw classified(lastError.get() == null ? e : lastError.get());
        }
    }

    /** A server URL with its host replaced by the checked address (kept as a name for TLS, see checkedHost). */
    private static String checked(String server, ProbeTarget target) {
        URI uri;
        try {
            uri = URI.create(server.contains("://") ? server : "nats://" + server);
        } catch (IllegalArgumentException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + server + "' is not a NATS URL");
        }
        if (uri.getHost() == null) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + server + "' is not a NATS URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("tls") || target.flag("tls", false);
        String host = target.checkedHost(uri.getHost(), tls);
        return scheme + "://" + ProbeTarget.inUrl(host) + ":" + (uri.getPort() < 0 ? 4222 : uri.getPort());
    }

    private static Exception classified(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("authorization violation") || message.contains("authentication")) {
                return new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the credentials");
            }
        }
        return failure;
    }
}
