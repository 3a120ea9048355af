package dev.latchkey.platform.outbound;

import java.io.IOException;

/** An answer whose body is larger than Latchkey reads from that kind of endpoint; it was not read to its end. */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(long maxBytes) {
        super("the answer's body is larger than " + size(maxBytes) + ", the most Latchkey reads from this endpoint");
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
