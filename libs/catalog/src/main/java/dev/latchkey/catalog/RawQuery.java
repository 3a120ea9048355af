package dev.latchkey.catalog;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A query as sent (still encoded), and what is left of it without the parameters an API sets itself. */
public final class RawQuery {

    private RawQuery() {
    }

    /**
     * The query's parameters, as sent and in order, but those named in {@code names} (decoded: a {@code +} in a name is a
     * plus, never a space, so an encoded name cannot slip past).
     */
    public static String without(String rawQuery, Set<String> names) {
        return Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty() && !names.contains(URLDecoder.decode(pair.split("=", 2)[0].replace("+", "%2B"),
                        StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
