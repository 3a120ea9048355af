package dev.latchkey.probes;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback to a port on 127.0.0.1, plain or ending TLS: a server reached at another address or
 * behind a certificate of the test's choosing, while the server itself still tells clients its own address.
 */
final class Relay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private Relay(ServerSocketFactory factory, InetAddress address, int target) {
        this.target = target;
        try {
            listener = factory.createServerSocket(0, 50, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept);
    }

    /** A plain relay listening on {@code address}. */
    static Relay plain(InetAddress address, int target) {
        return new Relay(ServerSocketFactory.getDefault(), address, target);
    }

    /** A relay on 127.0.0.1 that ends TLS with the certificate of {@code tls}. */
    static Relay endingTls(SSLContext tls, int target) {
        return new Relay(tls.getServerSocketFactory(), InetAddress.getLoopbackAddress(), target);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections reached the relay. */
    int accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> pipe(client, server));
                daemon(() -> pipe(server, client));
            } catch (IOException e) {
                return;
            }
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
