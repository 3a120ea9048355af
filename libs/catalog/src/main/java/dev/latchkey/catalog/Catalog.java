package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.AuthType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connector catalog: every entry under {@code catalog/entries/}, read and checked once. The build
 * lists the entry files in {@code catalog/entries.list}, because a class path cannot be listed reliably.
 */
public final class Catalog {

    static final String ENTRIES = "/catalog/entries/";
    static final String INDEX = "/catalog/entries.list";

    private final Map<String, CatalogEntry> entries;

    Catalog(List<CatalogEntry> entries) {
        this.entries = entries.stream().collect(Collectors.toMap(CatalogEntry::key, Function.identity(), (a, b) -> {
            throw new CatalogException(a.key() + ".yaml", List.of("the key '" + a.key() + "' is used twice"));
        }, TreeMap::new));
    }

    /**
     * Reads the whole catalog from the class path.
     *
     * @throws CatalogException on the first malformed entry
     */
    public static Catalog load() {
        var reader = new CatalogEntryReader();
        List<CatalogEntry> entries = new ArrayList<>();
        for (String file : entryFiles()) {
            try (InputStream yaml = Catalog.class.getResourceAsStream(ENTRIES + file)) {
                if (yaml == null) {
                    throw new CatalogException(file, List.of("listed in " + INDEX + " but missing"));
                }
                entries.add(reader.read(file, yaml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Catalog(entries);
    }

    private static List<String> entryFiles() {
        try (InputStream index = Catalog.class.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException(INDEX + " is missing: the libs/catalog build writes it");
            }
            return new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> line.endsWith(".yaml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry, by key. */
    public List<CatalogEntry> all() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public List<CatalogEntry> inCategory(Category category) {
        return entries.values().stream().filter(entry -> entry.category() == category).toList();
    }

    public List<CatalogEntry> offering(AuthType type) {
        return entries.values().stream().filter(entry -> entry.offers(type)).toList();
    }

    /**
     * Entries whose key, name, description or category contains {@code text} (case-insensitive): exact key
     * first, then names that start with it, then the rest, each by name.
     */
    public List<CatalogEntry> search(String text) {
        String query = text.strip().toLowerCase(Locale.ROOT);
        return entries.values().stream().filter(entry -> searchable(entry).contains(query))
                .sorted(Comparator.comparingInt((CatalogEntry entry) -> rank(entry, query))
                        .thenComparing(entry -> entry.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** How many entries each category holds. */
    public Map<Category, Long> countByCategory() {
        return entries.values().stream().collect(Collectors.groupingBy(CatalogEntry::category, TreeMap::new, Collectors.counting()));
    }

    /** How many entries offer each auth type. */
    public Map<AuthType, Long> countByAuthType() {
        var counts = new TreeMap<AuthType, Long>();
        for (AuthType type : AuthType.values()) {
            long count = offering(type).size();
            if (count > 0) {
                counts.put(type, count);
            }
        }
        return counts;
    }

    private static String searchable(CatalogEntry entry) {
        return String.join(" ", entry.key(), entry.name(), entry.description() == null ? "" : entry.description(),
                entry.category().id()).toLowerCase(Locale.ROOT);
    }

    private static int rank(CatalogEntry entry, String query) {
        if (entry.key().equals(query)) {
            return 0;
        }
        return entry.name().toLowerCase(Locale.ROOT).startsWith(query) ? 1 : 2;
    }
}
