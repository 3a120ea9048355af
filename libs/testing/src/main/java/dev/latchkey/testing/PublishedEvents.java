package dev.latchkey.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One aggregate's events as a topic holds them (CloudEvents JSON, keyed by the aggregate's id), oldest first: for
 * tests that check which events a change published, in which order, and how many of each.
 */
public record PublishedEvents(List<String> values) {

    /** The events keyed {@code key} up to the {@code count}th of {@code type} (e.g. {@code connection.status_changed}). */
    public static PublishedEvents until(String bootstrapServers, String topic, String key, String type, int count) {
        AtomicInteger seen = new AtomicInteger();
        return new PublishedEvents(TopicReader.readUntil(bootstrapServers, topic, record -> record.key().equals(key)
                        && record.value().contains(typed(type)) && seen.incrementAndGet() == count, Duration.ofSeconds(20))
                .stream().filter(record -> record.key().equals(key)).map(record -> record.value()).toList());
    }

    /** Those of {@code type}, oldest first. */
    public List<String> of(String type) {
        return values.stream().filter(value -> value.contains(typed(type))).toList();
    }

    @Override
    public String toString() {
        return String.join("\n", values);
    }

    private static String typed(String type) {
        return "\"type\":\"dev.latchkey." + type + ".v1\"";
    }
}
