package dev.latchkey.catalog;

import java.util.List;

/** A catalog entry that breaks the format or its rules; the message names the file and every problem. */
public class CatalogException extends RuntimeException {

    public CatalogException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
    }
}
