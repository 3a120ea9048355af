package dev.latchkey.catalog;

import dev.latchkey.catalog.action.Action;
import dev.latchkey.catalog.action.ActionsFile;
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
 * The connector catalog: every entry under {@code catalog/entries/} and the actions under {@code catalog/actions/},
 * read and checked once. The build lists the files in {@code catalog/entries.list} and {@code catalog/actions.list},
 * because a class path cannot be listed reliably.
 */
public final class Catalog {

    static final String ENTRIES = "/catalog/entries/";
    static final String INDEX = "/catalog/entries.list";
    static final String ACTIONS = "/catalog/actions/";
    static final String ACTIONS_INDEX = "/catalog/actions.list";

    private final Map<String, CatalogEntry> entries;
    private final Map<String, List<Action>> actions;

    Catalog(List<CatalogEntry> entries) {
        this(entries, List.of());
    }

    Catalog(List<CatalogEntry> entries, List<ActionsFile> actions) {
        this.entries = entries.stream().collect(Collectors.toMap(CatalogEntry::key, Function.identity(), (a, b) -> {
            throw new CatalogException(a.key() + ".yaml", List.of("the key '" + a.key() + "' is used twice"));
        }, TreeMap::new));
        this.actions = actions.stream().collect(Collectors.toMap(ActionsFile::entry, ActionsFile::actions));
    }

    /**
     * Reads the whole catalog from the class path.
     *
     * @throws CatalogException on the first malformed entry or actions file
     */
    public static Catalog load() {
        var reader = new CatalogEntryReader();
        List<CatalogEntry> entries = new ArrayList<>();
        for (String file : listed(INDEX)) {
            entries.add(read(ENTRIES, file, yaml -> reader.read(file, yaml)));
        }
        Catalog catalog = new Catalog(entries);
        var actionsReader = new ActionsReader();
        List<ActionsFile> actions = new ArrayList<>();
        for (String file : listed(ACTIONS_INDEX)) {
            actions.add(read(ACTIONS, file, yaml -> actionsReader.read(file, yaml, key -> catalog.find(key).orElse(null))));
        }
        return new Catalog(entries, actions);
    }

    private static <T> T read(String folder, String file, Function<InputStream, T> reader) {
        try (InputStream yaml = Catalog.class.getResourceAsStream(folder + file)) {
            if (yaml == null) {
                throw new CatalogException(file, List.of("listed in " + folder + " but missing"));
            }
            return reader.apply(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listed(String index) {
        try (InputStream list = Catalog.class.getResourceAsStream(index)) {
            if (list == null) {
                throw new IllegalStateException(index + " is missing: the libs/catalog build writes it");
            }
            return new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> line.endsWith(".yaml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions of an entry, in the order its file declares them; none for an entry without actions. */
    public List<Action> actions(String entryKey) {
        return actions.getOrDefault(entryKey, List.of());
    }

    public Optional<Action> action(String entryKey, String name) {
        return actions(entryKey).stream().filter(action -> action.name().equals(name)).findFirst();
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
