package dev.latchkey.secrets.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A master key file made the way {@code ./latchkey up} makes it, for the test application's local backend. */
public class MasterKeyFileResource implements QuarkusTestResourceLifecycleManager {

    static final Path FILE = Path.of("target", "test-master-key.json").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(FILE.getParent());
            new MasterKeyFile(FILE).replace(MasterKeyFileTest.generatedByTheLauncher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("latchkey.secrets.local.master-key-file", FILE.toString());
    }

    @Override
    public void stop() {
    }
}
