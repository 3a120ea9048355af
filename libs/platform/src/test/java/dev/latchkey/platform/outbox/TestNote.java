package dev.latchkey.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A service's own state in miniature: what the outbox tests change together with their events. */
@Entity
@Table(name = "test_note")
public class TestNote extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;

    public static TestNote of(String text) {
        var note = new TestNote();
        note.id = UUID.randomUUID();
        note.text = text;
        return note;
    }
}
