package dev.latchkey.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line the application under test writes during each test (Quarkus logs through JBoss LogManager, under
 * java.util.logging's root logger): the message, its parameters and the failure, for tests that prove a secret
 * never reaches a log: {@code try (LogCapture logs = LogCapture.start()) { ... logs.lines() ... }} inside the test
 * method (a JUnit extension would capture into another instance than the one a Quarkus test runs with).
 * {@link #lines()} first logs a line of its own and fails if it did not see it, so a capture that sees nothing
 * cannot pass.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (lines) {
            lines.add(record.getMessage() + " " + Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
    }

    /** What was logged so far; throws if the capture is not working. */
    public List<String> lines() {
        String probe = "log capture works " + System.nanoTime();
        Logger.getLogger(LogCapture.class.getName()).warning(probe);
        synchronized (lines) {
            if (lines.stream().noneMatch(line -> line.contains(probe))) {
                throw new AssertionError("the log capture saw nothing");
            }
            return List.copyOf(lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
