package dev.latchkey.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another Latchkey service, run for real beside a test or a benchmark: its packaged application
 * ({@code <module>/target/quarkus-app}, found from the working directory upwards)
 * started as a Java process with the test's database, broker and OIDC server, on a free port, ready before the
 * test goes on. Its output goes to {@code target/<module>-under-test.log}. The module has to be packaged first,
 * which a test-scoped {@code <type>pom</type>} dependency on it makes Maven do.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    /**
     * How a service's JVM runs here, as {@code ./latchkey up} runs it: a small serial-collected heap and a capped code
     * cache, with glibc's malloc held to two arenas ({@code MALLOC_ARENA_MAX}), so a service stays under 300 MiB resident
     * under load (bench/hotpath measures it).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code module} (a sibling directory of the test's module) on {@code port} with {@code properties} as
     * system properties.
     *
     * @throws IllegalStateException when it is not packaged, or not ready within 90 seconds (its log says why)
     */
    public static ServiceProcess start(String module, int port, Map<String, String> properties) {
        return start(module, port, properties, List.of());
    }

    /** As {@link #start(String, int, Map)}, with {@code jvmOptions} (a profiler's, say) after the default ones. */
    public static ServiceProcess start(String module, int port, Map<String, String> properties, List<String> jvmOptions) {
        Path application = packaged(module);
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " is missing: package " + module + " first (./mvnw -pl " + module
                    + " -am package -DskipTests)");
        }
        Path log = Path.of("target", module + "-under-test.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(jvmOptions);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(application.toString());
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            Process process = builder.start();
            // A test or benchmark JVM that is stopped takes its services with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            ServiceProcess service = new ServiceProcess(process, port, log);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module + ": " + e.getMessage(), e);
        }
    }

    /** The module's packaged application, looked for from the working directory upwards (a test's or a benchmark's module). */
    private static Path packaged(String module) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path application = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.exists(application)) {
                return application;
            }
        }
        return Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    }

    /** The operating system's process id: for a benchmark to read its memory, or to kill it as a crash would. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the process and waits for it, as a replica going away would. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Eventually.until("the service to be ready", READY_WITHIN, () -> ready(client));
        } catch (AssertionError notReady) {
            close();
            throw new IllegalStateException("the service was not ready within " + READY_WITHIN.toSeconds() + " s; see " + log,
                    notReady);
        }
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** A port nothing listens on now, for a service to be started on later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
