package dev.latchkey.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads one entry: YAML, checked against {@code catalog-entry.schema.json}, then against {@link EntryRules}; and how
 * any catalog file is read ({@link ActionsReader}).
 */
final class CatalogEntryReader {

    static final String SCHEMA = "/catalog/catalog-entry.schema.json";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JsonSchema schema = schema(SCHEMA);

    /**
     * @param file the entry's file name, {@code <key>.yaml}
     * @throws CatalogException naming every problem of the entry
     */
    CatalogEntry read(String file, InputStream yaml) {
        CatalogEntry entry = bind(file, validTree(file, yaml, schema), CatalogEntry.class);
        List<String> broken = EntryRules.check(file.replaceFirst("\\.yaml$", ""), entry);
        if (!broken.isEmpty()) {
            throw new CatalogException(file, broken);
        }
        return entry;
    }

    /** A JSON Schema (2020-12) of the class path. */
    static JsonSchema schema(String resource) {
        try (InputStream in = CatalogEntryReader.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A YAML mapping that {@code schema} accepts. */
    static JsonNode validTree(String file, InputStream yaml, JsonSchema schema) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new CatalogException(file, List.of("not YAML: " + e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new CatalogException(file, List.of("not a YAML mapping"));
        }
        List<String> invalid = schema.validate(tree).stream().map(ValidationMessage::getMessage).sorted().toList();
        if (!invalid.isEmpty()) {
            throw new CatalogException(file, invalid);
        }
        return tree;
    }

    static <T> T bind(String file, JsonNode tree, Class<T> type) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new CatalogException(file, List.of(e.getOriginalMessage()));
        }
    }
}
