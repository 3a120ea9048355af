package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MCP client's check of every tool result's structured content against the tool's output schema, with the JSON
 * Schema library the project uses (the SDK's own validator module wants a newer major version of it).
 */
final class SchemaValidator implements JsonSchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        Set<ValidationMessage> errors = FACTORY.getSchema(JSON.valueToTree(schema)).validate(JSON.valueToTree(content));
        return errors.isEmpty() ? ValidationResponse.asValid(null)
                : ValidationResponse.asInvalid(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
    }
}
