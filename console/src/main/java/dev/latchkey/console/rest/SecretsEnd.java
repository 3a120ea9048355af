package dev.latchkey.console.rest;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Map;
import java.util.Objects;

/**
 * The form's "Secrets expire" day (a date input, {@code yyyy-mm-dd}) as the API's {@code secretExpiresAt}: the start of
 * that day in UTC. An edit sends it only when the day changed, so an auth config whose end has passed can still be
 * renamed; a day cleared sends null (no known end).
 */
final class SecretsEnd {

    static final String FIELD = "secretExpiresAt";

    private SecretsEnd() {
    }

    /** The day typed as an instant; null when none was. A value that is no day goes as typed: the API names it. */
    static String of(MultivaluedMap<String, String> form) {
        String day = Pages.first(form, FIELD);
        return day == null ? null : day.matches("\\d{4}-\\d{2}-\\d{2}") ? day + "T00:00:00Z" : day;
    }

    /** The auth config's end as the form shows it: its day; null when it has none. */
    static String day(Map<String, Object> existing) {
        Object end = existing.get(FIELD);
        return end == null ? null : end.toString().substring(0, Math.min(10, end.toString().length()));
    }

    /** Adds the end to an edit's {@code changes} when the day changed: the new one, or null when it was cleared. */
    static void addChange(Map<String, Object> changes, Map<String, Object> existing, MultivaluedMap<String, String> form) {
        if (!Objects.equals(Pages.first(form, FIELD), day(existing))) {
            changes.put(FIELD, of(form));
        }
    }
}
