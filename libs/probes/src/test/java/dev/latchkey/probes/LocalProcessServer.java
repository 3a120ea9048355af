package dev.latchkey.probes;

import dev.latchkey.testing.Eventually;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server of this machine (nats-server, mosquitto, Azurite) started by a test on a free port and stopped after. */
final class LocalProcessServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private LocalProcessServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LocalProcessServer start(List<String> command, int port, Path log) throws IOException, InterruptedException {
        return start(command, port, log, Duration.ofSeconds(10));
    }

    /** {@code startup}: how long it may take to listen (a Node.js server on a busy machine takes longer than a binary). */
    static LocalProcessServer start(List<String> command, int port, Path log, Duration startup) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalProcessServer server = new LocalProcessServer(process, port);
        try {
            Eventually.until(command.get(0) + " to listen on " + port, startup, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command.get(0) + " exited; see " + log);
                }
                return listening(port);
            });
            return server;
        } catch (AssertionError notListening) {
            server.close();
            throw new IllegalStateException(command.get(0) + " did not listen on " + port + "; see " + log, notListening);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
