package dev.latchkey.testing;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.DigestAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An API protected by HTTP Digest as a server implements it apart from Latchkey: Jetty's own server-side
 * {@code DigestAuthenticator}, with the algorithm asked for, over TLS with a given context (a certificate the client
 * trusts) or over plain HTTP. A nonce answers two requests ({@code nc} 1 and 2); the third through it is refused as
 * stale. What the protected handler answers names the user it found. Every request that arrives, challenged or let in,
 * is kept under its {@code X-Test-Call} with the {@code Authorization} it carried.
 */
public final class DigestServer implements AutoCloseable {

    public static final String USER = "ops-public-key";
    public static final String PASSWORD = "ops-private-key-canary";
    public static final String REALM = "Ops Manager";

    private final Server server = new Server();
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();
    private final ServerConnector connector;
    private final String scheme;

    /** Over TLS with {@code tls}, or over plain HTTP when it is null. */
    public DigestServer(String algorithm, SSLContext tls) throws Exception {
        if (tls == null) {
            connector = new ServerConnector(server);
        } else {
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setSslContext(tls);
            HttpConfiguration http = new HttpConfiguration();
            // The certificate names an IP address, which no client sends as SNI: the host check has nothing to check.
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"),
                    new HttpConnectionFactory(http));
        }
        this.scheme = tls == null ? "http" : "https";
        connector.setHost("127.0.0.1");
        server.addConnector(connector);

        UserStore users = new UserStore();
        users.addUser(USER, Credential.getCredential(PASSWORD), new String[] {"api"});
        HashLoginService login = new HashLoginService(REALM);
        login.setUserStore(users);
        DigestAuthenticator digest = new DigestAuthenticator();
        digest.setAlgorithm(algorithm);
        digest.setMaxNonceCount(3);
        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped(new Protected());
        security.setAuthenticator(digest);
        security.setLoginService(login);
        security.put("/*", Constraint.from("api"));
        server.setHandler(new Counting(security));
        server.start();
    }

    /** {@code https://127.0.0.1:<port>}, or {@code http://} without TLS. */
    public String url() {
        return scheme + "://127.0.0.1:" + connector.getLocalPort();
    }

    /** The {@code Authorization} of each request that arrived under {@code call}, "" for none, in arrival order. */
    public List<String> arrivals(String call) {
        return authorizations.getOrDefault(call, List.of());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Counting extends Handler.Wrapper {

        Counting(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String call = request.getHeaders().get("X-Test-Call");
            String authorization = request.getHeaders().get("Authorization");
            authorizations.computeIfAbsent(call == null ? "" : call, ignored -> new CopyOnWriteArrayList<>())
                    .add(authorization == null ? "" : authorization);
            return super.handle(request, response, callback);
        }
    }

    private static final class Protected extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String user = AuthenticationState.getUserPrincipal(request).getName();
            response.getHeaders().put("Content-Type", "application/json");
            Content.Sink.write(response, true, "{\"user\": \"" + user + "\", \"method\": \"" + request.getMethod()
                    + "\", \"target\": \"" + request.getHttpURI().getPathQuery() + "\"}", callback);
            return true;
        }
    }
}
