package dev.latchkey.platform.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of a list sorted by a column and then by id ends: that column's value and the id of its last item.
 * The id breaks ties, so rows added meanwhile neither repeat nor shift into the next page.
 */
public record Keyset(String value, UUID id) {

    public Keyset(Instant value, UUID id) {
        this(value.toString(), id);
    }

    /** Reads {@link #text()} back; refuses any other text with an {@link IllegalArgumentException}. */
    public static Keyset parse(String text) {
        int bar = text.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("no keyset");
        }
        return new Keyset(text.substring(0, bar), UUID.fromString(text.substring(bar + 1)));
    }

    /** Reads the keyset of a list sorted by time: its value must be an instant. */
    public static Keyset parseTimed(String text) {
        Keyset keyset = parse(text);
        keyset.instant();
        return keyset;
    }

    public Instant instant() {
        return Instant.parse(value);
    }

    /** What a cursor carries; the id goes last because a value may contain the separator. */
    public String text() {
        return value + "|" + id;
    }
}
