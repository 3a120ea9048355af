package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The character rules of every form: one line without control characters, line breaks in multi-line fields, Latin-1 keys. */
class FormValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CredentialForm FORM = CredentialForm.empty()
            .withConfig("scopes", CredentialForm.list("Scopes", List.of()), false)
            .withSecret("apiKey", CredentialForm.headerText("API key"), false)
            .withSecret("password", CredentialForm.text("Password"), false)
            .withSecret("privateKey", CredentialForm.text("Private key").put("format", CredentialForm.MULTI_LINE), false);

    @Test
    void aControlCharacterIsRefusedNamingTheFieldAndTheCharacterNeverTheValue() {
        for (String bad : List.of("key\n", "k\u0000ey", "key\u007f", "key\u0085", "key\t")) {
            List<FormValidator.FieldProblem> problems = secrets(Map.of("password", bad));

            assertEquals(1, problems.size(), bad);
            assertEquals("secrets.password", problems.get(0).field());
            assertTrue(problems.get(0).message().contains("U+00"), problems.get(0).message());
            assertFalse(problems.get(0).message().contains("key"), problems.get(0).message());
        }
    }

    @Test
    void aMultiLineFieldTakesLineBreaksOnly() {
        assertEquals(List.of(), secrets(Map.of("privateKey", "-----BEGIN KEY-----\r\nabc\n-----END KEY-----\n")));
        assertEquals("secrets.privateKey", secrets(Map.of("privateKey", "abc\n\u0000")).get(0).field());
    }

    @Test
    void aHeaderValueIsLatin1ButAPasswordMayBeAnyText() {
        List<FormValidator.FieldProblem> problems = secrets(Map.of("apiKey", "key\u20ac", "password", "pass\u20ac"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("secrets.apiKey", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("Latin-1"), problems.get(0).message());
        assertEquals(List.of(), secrets(Map.of("apiKey", "caf\u00e9")));
    }

    @Test
    void everyTextOfAListIsChecked() {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("scopes").add("read").add("wr\u0000ite");

        assertEquals("config.scopes", FormValidator.errors("config", FORM.config(), config).get(0).field());
    }

    private static List<FormValidator.FieldProblem> secrets(Map<String, String> values) {
        return FormValidator.errors("secrets", FORM.secrets(), JSON.valueToTree(values));
    }
}
