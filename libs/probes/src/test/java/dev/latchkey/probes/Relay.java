package dev.latchkey.probes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback to a port on 127.0.0.1, plain or ending TLS: a server reached at another address or
 * behind a certificate of the test's choosing, while the server itself still tells clients its own address.
 */
final class Relay implements AutoCloseable {

    /** What the relay does with an accepted connection before relaying it. */
    private interface Upgrade {
        Socket apply(Socket accepted) throws IOException;
    }

    private final ServerSocket listener;
    private final int target;
    private final Upgrade upgrade;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private Relay(InetAddress address, int target, Upgrade upgrade) {
        this.target = target;
        this.upgrade = upgrade;
        try {
            listener = new ServerSocket(0, 50, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept);
    }

    /** A plain relay listening on {@code address}. */
    static Relay plain(InetAddress address, int target) {
        return new Relay(address, target, accepted -> accepted);
    }

    /** A relay on 127.0.0.1 that ends TLS with the certificate of {@code tls}. */
    static Relay endingTls(SSLContext tls, int target) {
        return new Relay(InetAddress.getLoopbackAddress(), target, accepted -> serverTls(tls, accepted));
    }

    /** The same for PostgreSQL, whose client asks for TLS first (SSLRequest): the relay says yes, then ends TLS. */
    static Relay endingPostgresTls(SSLContext tls, int target) {
        return new Relay(InetAddress.getLoopbackAddress(), target, accepted -> {
            accepted.getInputStream().readNBytes(8);
            accepted.getOutputStream().write('S');
            accepted.getOutputStream().flush();
            return serverTls(tls, accepted);
        });
    }

    int port() {
        return listener.getLocalPort();
    }

    private static Socket serverTls(SSLContext tls, Socket accepted) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(accepted, null, accepted.getPort(), true);
        socket.setUseClientMode(false);
        return socket;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket accepted = listener.accept();
                sockets.add(accepted);
                daemon(() -> relay(accepted));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket accepted) {
        try {
            Socket client = upgrade.apply(accepted);
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            sockets.add(server);
            daemon(() -> pipe(client, server));
            pipe(server, client);
        } catch (IOException e) {
            closeQuietly(accepted);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side hung up; closing both ends the other direction
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "test-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
