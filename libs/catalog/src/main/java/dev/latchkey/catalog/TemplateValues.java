package dev.latchkey.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.ConnectionParameters;

import java.util.HashMap;
import java.util.Map;

/**
 * The values a catalog template of an auth option is rendered with: {@code config.<parameter>} (the stored
 * value, else the parameter's default), {@code credentials.<field>} for secret parameters and the scheme's own
 * credentials ({@code apiKey}, {@code token}, {@code username}, {@code password}), and for OAuth2 the token-response
 * fields kept with the connection ({@code config.instance_url}).
 */
public final class TemplateValues {

    private TemplateValues() {
    }

    public static Map<String, String> of(AuthOption option, Map<String, Object> config, Map<String, String> secrets) {
        Map<String, String> values = new HashMap<>();
        ConnectionParameters parameters = option.connectionParameters();
        for (String name : parameters.names()) {
            JsonNode fallback = parameters.parameter(name).get("default");
            Object value = parameters.isSecret(name) ? secrets.get(name) : config.get(name);
            if (value == null && fallback != null) {
                value = fallback.asText();
            }
            if (value != null) {
                values.put((parameters.isSecret(name) ? "credentials." : "config.") + name, value.toString());
            }
        }
        option.tokenResponseMetadata().stream().filter(field -> config.get(field) != null)
                .forEach(field -> values.putIfAbsent("config." + field, config.get(field).toString()));
        secrets.forEach((field, value) -> values.putIfAbsent("credentials." + field, value));
        if (config.get("username") != null) {
            values.putIfAbsent("credentials.username", config.get("username").toString());
        }
        return values;
    }
}
