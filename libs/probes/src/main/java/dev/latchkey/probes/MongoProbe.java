package dev.latchkey.probes;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;
import org.bson.Document;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;

/** MongoDB with the synchronous Java driver: authenticates, pings the database and reads the version, on one server only. */
final class MongoProbe implements Probe {

    /** MongoDB's error codes: Unauthorized and AuthenticationFailed. */
    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;

    @Override
    public Set<String> drivers() {
        return Set.of("mongodb");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String database = target.optional("database").orElse("admin");
        // The driver reports a refused or broken connection only as a server-selection timeout; the server
        // description it last saw holds the real cause.
        AtomicReference<Throwable> lastServerError = new AtomicReference<>();
        ServerListener listener = new ServerListener() {
            @Override
            public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
                if (event.getNewDescription().getException() != null) {
                    lastServerError.set(event.getNewDescription().getException());
                }
            }
        };
        try (MongoClient client = MongoClients.create(settings(target, listener))) {
            client.getDatabase(database).runCommand(new Document("ping", 1));
            Document buildInfo = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            return "connected to MongoDB " + buildInfo.getString("version") + ", database " + database;
        } catch (MongoSecurityException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
        } catch (MongoCommandException e) {
            throw switch (e.getErrorCode()) {
                case AUTHENTICATION_FAILED -> new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
                case UNAUTHORIZED -> new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not use database \"" + database + "\"");
                default -> e;
            };
        } catch (MongoTimeoutException e) {
            Throwable cause = lastServerError.get();
            if (cause instanceof MongoSecurityException) {
                throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
            }
            throw cause == null ? new ProbeFailure(FailureCategory.TIMEOUT, "no MongoDB server answered in time") : FailureClassifier.classify(cause);
        }
    }

    /**
     * A direct connection to the address the guard checked: with a {@code replicaSet} the driver would otherwise
     * discover and connect to the members the server lists, which the guard never saw. The resolver answers for
     * the checked name alone, with the checked address carrying the name, so TLS still verifies it.
     */
    static MongoClientSettings settings(ProbeTarget target, ServerListener listener) {
        boolean tls = target.flag("tls", false);
        String host = target.required("host");
        InetAddress pinned = target.pinned(host);
        int millis = target.timeoutMillis();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applicationName("latchkey-probe")
                .inetAddressResolver(name -> {
                    if (!name.equalsIgnoreCase(host)) {
                        throw new UnknownHostException("only the checked host is contacted");
                    }
                    return List.of(pinned);
                })
                .applyToClusterSettings(cluster -> {
                    cluster.hosts(List.of(new ServerAddress(host, target.integer("port", 27017))))
                            .mode(ClusterConnectionMode.SINGLE)
                            .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS);
                    target.optional("replicaSet").ifPresent(cluster::requiredReplicaSetName);
                })
                .applyToServerSettings(server -> server.addServerListener(listener))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSslSettings(ssl -> {
                    ssl.enabled(tls).invalidHostNameAllowed(false);
                    if (tls) {
                        ssl.context(TrustedCertificates.sslContext(target.optional("caCertificate")));
                    }
                });
        if (target.optional("username").isPresent()) {
            settings.credential(MongoCredential.createCredential(target.required("username"),
                    target.optional("authSource").orElse("admin"), target.optional("password").orElse("").toCharArray()));
        }
        return settings.build();
    }
}
