package dev.latchkey.secrets;

import java.util.Map;
import java.util.TreeSet;

/** One version of a secret: its fields by name. {@link #toString()} names the fields, never their values. */
public record Secret(SecretPath path, long version, Map<String, String> fields) {

    public Secret {
        fields = Map.copyOf(fields);
    }

    @Override
    public String toString() {
        return "Secret[" + path + " v" + version + ", fields " + new TreeSet<>(fields.keySet()) + "]";
    }
}
