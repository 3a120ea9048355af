package dev.latchkey.catalog;

import com.networknt.schema.JsonSchema;
import dev.latchkey.catalog.action.ActionsFile;

import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/** Reads one entry's actions: YAML, checked against {@code catalog-actions.schema.json}, then against {@link ActionRules}. */
final class ActionsReader {

    static final String SCHEMA = "/catalog/catalog-actions.schema.json";

    private final JsonSchema schema = CatalogEntryReader.schema(SCHEMA);

    /**
     * @param file  the file's name, {@code <entry key>.yaml}
     * @param entries the catalog's entries by key (null for a key it lacks)
     * @throws CatalogException naming every problem of the file
     */
    ActionsFile read(String file, InputStream yaml, Function<String, CatalogEntry> entries) {
        ActionsFile actions = CatalogEntryReader.bind(file, CatalogEntryReader.validTree(file, yaml, schema), ActionsFile.class);
        List<String> broken = ActionRules.check(file.replaceFirst("\\.yaml$", ""), actions, entries.apply(actions.entry()));
        if (!broken.isEmpty()) {
            throw new CatalogException(file, broken);
        }
        return actions;
    }
}
