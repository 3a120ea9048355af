package dev.latchkey.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    private static final Set<String> DECLARED = Set.of("config.subdomain", "credentials.accessToken");

    @Test
    void declaredVariablesAreSubstituted() {
        var template = Template.parse("https://{{ config.subdomain }}.zendesk.com/api/v2", DECLARED);

        assertEquals("https://acme.zendesk.com/api/v2", template.render(Map.of("config.subdomain", "acme")));
        assertEquals(Set.of("config.subdomain"), template.variables());
    }

    @Test
    void undeclaredVariableIsRejectedWhenParsedNotWhenRendered() {
        var error = assertThrows(TemplateException.class,
                () -> Template.parse("Bearer {{credentials.acessToken}}", DECLARED));
        assertTrue(error.getMessage().contains("credentials.acessToken"), error.getMessage());
    }

    @Test
    void expressionsAreNotVariables() {
        assertThrows(TemplateException.class, () -> Template.parse("{{ T(java.lang.Runtime).exec('id') }}", DECLARED));
        assertThrows(TemplateException.class, () -> Template.parse("{{env.HOME}}", DECLARED));
        assertThrows(TemplateException.class, () -> Template.parse("{{config.subdomain}", DECLARED));
    }

    @Test
    void valuesAreInsertedLiterallyAndNeverReinterpreted() {
        var template = Template.parse("{{config.subdomain}}", DECLARED);

        assertEquals("{{credentials.accessToken}}", template.render(Map.of(
                "config.subdomain", "{{credentials.accessToken}}", "credentials.accessToken", "secret")));
    }

    @Test
    void missingValueNamesTheVariableButNoValue() {
        var template = Template.parse("Bearer {{credentials.accessToken}}", DECLARED);

        var error = assertThrows(TemplateException.class, () -> template.render(Map.of("config.subdomain", "acme")));
        assertTrue(error.getMessage().contains("credentials.accessToken"));
        assertFalse(error.getMessage().contains("acme"));
    }
}
