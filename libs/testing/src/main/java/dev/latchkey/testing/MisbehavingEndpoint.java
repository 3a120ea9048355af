package dev.latchkey.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP endpoint on loopback that answers the way an attacker's token endpoint or API would: the headers at once,
 * then a body {@linkplain #dripping dripped} a byte at a time, or a {@linkplain #flooding huge} one. It serves any
 * path and method, one thread per connection, and records what it sent and when the client hung up.
 */
public final class MisbehavingEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "misbehaving-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final Answer answer;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hungUp = new AtomicInteger();
    private final AtomicLong mostBodyBytesSent = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** How the endpoint answers one request; true when the client hung up before the end. */
    private interface Answer {
        boolean send(Socket socket, CountingOutput out) throws IOException;
    }

    private MisbehavingEndpoint(Answer answer) {
        try {
            this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("could not open the misbehaving endpoint", e);
        }
        this.answer = answer;
        connections.submit(this::accept);
    }

    /**
     * A 200 JSON answer declaring {@code declaredBytes} of body, sent one byte per {@code interval}, for as long as the
     * client stays: every byte arrives well within any read timeout, the body never within a deadline.
     */
    public static MisbehavingEndpoint dripping(Duration interval, long declaredBytes) {
        return new MisbehavingEndpoint((socket, out) -> {
            head(out, declaredBytes);
            socket.setSoTimeout((int) interval.toMillis());
            for (long sent = 0; sent < declaredBytes; sent++) {
                if (clientHungUpWithin(socket)) {
                    return true;
                }
                out.write(sent == 0 ? '{' : ' ');
                out.flush();
            }
            return false;
        });
    }

    /**
     * A 200 JSON answer of {@code bytes} bytes, streamed as fast as the client reads, never held in memory; with
     * {@code declared} false it has no Content-Length and ends when the connection closes.
     */
    public static MisbehavingEndpoint flooding(long bytes, boolean declared) {
        return new MisbehavingEndpoint((socket, out) -> {
            head(out, declared ? bytes : -1);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
                chunk[0] = ' ';
            }
            out.flush();
            return false;
        });
    }

    /** A URL of this endpoint: {@code http://127.0.0.1:port} and {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public int requests() {
        return requests.get();
    }

    /** Connections the client closed before the body's end. */
    public int hungUp() {
        return hungUp.get();
    }

    /** The most body bytes one answer got out before it ended or the client hung up (socket buffers included). */
    public long mostBodyBytesSent() {
        return mostBodyBytesSent.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            readRequest(socket.getInputStream());
            requests.incrementAndGet();
            CountingOutput out = new CountingOutput(socket.getOutputStream());
            try {
                if (answer.send(socket, out)) {
                    hungUp.incrementAndGet();
                }
            } finally {
                mostBodyBytesSent.accumulateAndGet(out.bodyBytes(), Math::max);
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                hungUp.incrementAndGet(); // the write failed: the client closed the connection
            }
        } finally {
            open.remove(socket);
        }
    }

    /** Waits up to the socket's read timeout for the client to close; true when it did. */
    private static boolean clientHungUpWithin(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillThere) {
            return false;
        }
    }

    /** Reads the request head and a body of its Content-Length. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    private static void head(CountingOutput out, long contentLength) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "Connection: close\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.headSent();
    }

    /** Stops listening and drops the connections still open. */
    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    /** Counts the bytes written after the head. */
    private static final class CountingOutput extends FilterOutputStream {
        private long bytes;
        private long headBytes;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        void headSent() {
            headBytes = bytes;
        }

        long bodyBytes() {
            return bytes - headBytes;
        }
    }
}
