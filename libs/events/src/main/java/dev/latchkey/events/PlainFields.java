package dev.latchkey.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An aggregate's plain (never secret) fields as an event carries them: in their order, null values kept. */
final class PlainFields {

    private PlainFields() {
    }

    /** An unchangeable copy; null stays null (absent in an older event). */
    static Map<String, Object> copy(Map<String, Object> fields) {
        return fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
