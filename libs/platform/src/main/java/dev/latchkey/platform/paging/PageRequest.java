package dev.latchkey.platform.paging;

import dev.latchkey.platform.problem.Problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The page a list request asks for: {@code limit} items (1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when not
 * given) after the position that the opaque {@code cursor} of the previous page stands for. Every list endpoint reads
 * its two parameters here, so they behave and fail alike; each endpoint chooses what a position is (a keyset, a
 * sequence number, an offset) and writes and reads its text.
 *
 * @param <P> what a position is for the endpoint
 */
public record PageRequest<P>(int limit, Optional<P> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Reads {@code limit} and {@code cursor} as the query gave them (either may be absent). What does not parse is
     * added to {@code errors}, naming {@code limit} or {@code cursor}, so the endpoint reports it together with its
     * other fields; the request it returns then is not to be used.
     *
     * @param position reads a position's text back; any {@link RuntimeException} it throws means the cursor is not
     *                 one this list gave out (another list's, or the same list's under another sort)
     */
    public static <P> PageRequest<P> read(String limit, String cursor, Function<String, P> position,
            List<FieldError> errors) {
        return new PageRequest<>(limit(limit, errors), after(cursor, position, errors));
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The page of {@code rows} fetched with {@link #fetchSize()}: at most {@code limit} items, and a cursor after the
     * last of them when more rows exist.
     *
     * @param position the text of the position after a row, which {@link #read}'s {@code position} reads back
     */
    public <T, V> Page<V> page(List<T> rows, Function<T, String> position, Function<T, V> view) {
        boolean more = rows.size() > limit;
        List<T> items = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(position.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }

    private static int limit(String limit, List<FieldError> errors) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add(new FieldError("limit", "must be a number between 1 and " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static <P> Optional<P> after(String cursor, Function<String, P> position, List<FieldError> errors) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(position.apply(new String(Base64.getUrlDecoder().decode(cursor.strip()),
                    StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            errors.add(new FieldError("cursor", "is not a cursor this list gave out"));
            return Optional.empty();
        }
    }

    /** Opaque so that clients pass it back rather than build one; Base64url keeps it safe in a query string. */
    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
