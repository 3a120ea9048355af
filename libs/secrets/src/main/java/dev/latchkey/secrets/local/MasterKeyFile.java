package dev.latchkey.secrets.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The file that holds the master keyset, readable by its owner only; replaced atomically. */
public final class MasterKeyFile {

    private final Path file;

    public MasterKeyFile(Path file) {
        this.file = file;
    }

    public String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    /** Writes a new keyset beside the file with mode 0600, then moves it over the old one in one step. */
    public void replace(String keysetJson) {
        try {
            Path next = Files.createTempFile(file.toAbsolutePath().getParent(), ".master-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, keysetJson);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the master key file " + file, e);
        }
    }

    /** Adds a new primary key to the keyset in the file; services pick it up and re-wrap online. */
    public void rotate() {
        replace(MasterKeyring.rotate(read()));
    }
}
