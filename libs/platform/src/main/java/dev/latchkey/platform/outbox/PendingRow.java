package dev.latchkey.platform.outbox;

import java.util.List;

/**
 * An outbox row claimed for sending: one event, or a batch of them committed together. Each record is an event's
 * CloudEvents JSON with its record key.
 */
record PendingRow(long id, String topic, List<Record> records) {

    record Record(String key, String payload) {
    }
}
