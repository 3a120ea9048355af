package dev.latchkey.secrets.local;

import java.nio.file.Path;

/**
 * {@code ./latchkey rotate-master-key}: adds a new primary key to the master key file. Running services
 * re-read the file on their next re-wrap pass ({@code latchkey.secrets.local.rewrap-interval}) and re-wrap
 * every data key under the new key, while every secret stays readable.
 */
public final class RotateMasterKey {

    private RotateMasterKey() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RotateMasterKey MASTER_KEY_FILE");
            System.exit(2);
        }
        MasterKeyFile file = new MasterKeyFile(Path.of(args[0]));
        file.rotate();
        System.out.println("master key rotated: new primary key " + new MasterKeyring(file::read).current().primaryId());
    }
}
