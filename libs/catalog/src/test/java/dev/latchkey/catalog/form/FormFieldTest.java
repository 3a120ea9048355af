package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormFieldTest {

    private static final CredentialForm FORM = CredentialForm.empty()
            .withConfig("host", CredentialForm.text("Host"), true)
            .withConfig("port", JsonNodeFactory.instance.objectNode().put("type", "integer").put("title", "Port"), false)
            .withConfig("tls", JsonNodeFactory.instance.objectNode().put("type", "boolean").put("title", "TLS"), false)
            .withConfig("sslMode", CredentialForm.choice("SSL mode", List.of("disable", "require"), "require"), false)
            .withConfig("scopes", CredentialForm.list("Scopes", List.of("repo", "read:user")), false)
            .withConfig("audiences", CredentialForm.list("Audiences", List.of()), false)
            .withSecret("password", CredentialForm.text("Password"), true);

    @Test
    void eachSchemaPropertyBecomesTheInputItsTypeNeedsPlainOnesFirst() {
        List<FormField> fields = FormField.of(FORM, JsonNodeFactory.instance.objectNode());
        assertEquals(List.of("host", "port", "tls", "sslMode", "scopes", "audiences", "password"),
                fields.stream().map(FormField::name).toList());
        assertEquals(List.of("text", "number", "checkbox", "select", "choices", "text", "password"),
                fields.stream().map(FormField::input).toList());
        assertEquals("require", fields.get(3).value(), "a choice starts at its default");
        assertEquals(List.of("repo", "read:user"), fields.get(4).options());
        assertEquals("secrets.password", fields.get(6).path());
        assertTrue(fields.get(0).required() && fields.get(6).required() && !fields.get(1).required());
    }

    @Test
    void savedValuesFillThePlainFieldsAndNeverASecret() {
        ObjectNode saved = JsonNodeFactory.instance.objectNode().put("host", "db.internal").put("port", 5432)
                .put("password", "must-not-come-back");
        saved.putArray("scopes").add("repo");
        List<FormField> fields = FormField.of(FORM, saved);
        assertEquals("db.internal", fields.get(0).value());
        assertEquals("5432", fields.get(1).value());
        assertEquals(List.of("repo"), fields.get(4).values());
        assertTrue(fields.get(6).values().isEmpty());
        assertTrue(fields.get(6).secret());
    }

    @Test
    void aSubmittedFormBecomesTypedJsonWithBlanksLeftOut() {
        ObjectNode config = FormField.values(FORM.config(), Map.of(
                "host", List.of("db.internal"), "port", List.of(" 5432 "), "tls", List.of("on"),
                "sslMode", List.of(""), "scopes", List.of("repo", "read:user"), "audiences", List.of("api, admin  web")));
        assertEquals("db.internal", config.get("host").asText());
        assertEquals(5432, config.get("port").asLong());
        assertTrue(config.get("tls").asBoolean());
        assertFalse(config.has("sslMode"), "a blank is left out, for the API's default or to keep what is saved");
        assertEquals("[\"repo\",\"read:user\"]", config.get("scopes").toString());
        assertEquals("[\"api\",\"admin\",\"web\"]", config.get("audiences").toString(), "a free list splits on spaces and commas");
        ObjectNode unticked = FormField.values(FORM.config(), Map.of());
        assertFalse(unticked.get("tls").asBoolean(), "an unticked box is false");
        assertTrue(FormField.values(FORM.secrets(), Map.of("password", List.of(""))).isEmpty(), "a blank secret is not sent");
    }
}
