package dev.latchkey.catalog.action;

/**
 * How a paged action asks for the next page: exactly one of the three is set.
 *
 * @param link   the relation ({@code next}) of the answer's Link header (RFC 8288) whose target is the next page
 * @param url    the JSON Pointer of the next page's full URL in the answer (Microsoft Graph's {@code @odata.nextLink})
 * @param cursor a token from the answer that the next request carries
 */
public record Pagination(String link, String url, Cursor cursor) {

    /**
     * @param from       the JSON Pointer of the next page's token in the answer, or, with {@code lastItemOf}, in the
     *                   answer's last listed item
     * @param lastItemOf the JSON Pointer of the answer's list whose last item holds the token (Stripe's
     *                   {@code starting_after}); null when {@code from} points into the answer itself
     * @param to         where the next request carries it: {@code query.<name>} or {@code body.<name>}
     * @param more       the JSON Pointer of a boolean that is false on the last page; null when an absent token says so
     */
    public record Cursor(String from, String lastItemOf, String to, String more) {
    }
}
