package dev.latchkey.platform.outbox;

/** An outbox row claimed for sending: the payload is the event's CloudEvents JSON. */
record PendingEvent(long id, String topic, String recordKey, String payload) {
}
