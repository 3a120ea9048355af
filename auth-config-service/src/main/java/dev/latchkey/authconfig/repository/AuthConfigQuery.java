package dev.latchkey.authconfig.repository;

import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.platform.paging.Keyset;
import dev.latchkey.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One page of a tenant's auth configs: the filters, the order, and the keyset cursor of the last item of the
 * previous page (so pages stay stable while rows are added).
 */
public record AuthConfigQuery(String tenant, Filter filter, Order order, PageRequest<Keyset> paging) {

    /** Every filter is optional; {@code text} matches names, case-insensitively. */
    public record Filter(AuthConfigCategory category, String provider, String authType, AuthConfigStatus status,
                         String environment, String text) {
    }

    /** The orders a list can have; newest first by default. */
    public enum Order {
        NEWEST("createdAt", Sort.Direction.Descending),
        OLDEST("createdAt", Sort.Direction.Ascending),
        NAME("name", Sort.Direction.Ascending),
        NAME_DESCENDING("name", Sort.Direction.Descending);

        private final String field;
        private final Sort.Direction direction;

        Order(String field, Sort.Direction direction) {
            this.field = field;
            this.direction = direction;
        }

        /** The {@code sort} parameter's value: {@code -createdAt}, {@code createdAt}, {@code name}, {@code -name}. */
        public static Optional<Order> of(String sort) {
            for (Order order : values()) {
                if (order.parameter().equals(sort)) {
                    return Optional.of(order);
                }
            }
            return Optional.empty();
        }

        public String parameter() {
            return (direction == Sort.Direction.Descending ? "-" : "") + field;
        }

        /** Where the next page starts: the sort value and id of a page's last item. */
        public Keyset keysetAfter(AuthConfig last) {
            return byName() ? new Keyset(last.name, last.id) : new Keyset(last.createdAt, last.id);
        }

        /** Reads a keyset's text back, refusing one of the other sort field. */
        public Keyset keyset(String text) {
            return byName() ? Keyset.parse(text) : Keyset.parseTimed(text);
        }

        private boolean byName() {
            return field.equals("name");
        }
    }

    String where() {
        List<String> conditions = new ArrayList<>(List.of("tenant = :tenant"));
        if (filter.category() != null) {
            conditions.add("category = :category");
        }
        if (filter.provider() != null) {
            conditions.add("provider = :provider");
        }
        if (filter.authType() != null) {
            conditions.add("authType = :authType");
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
        }
        if (filter.environment() != null) {
            conditions.add("environment = :environment");
        }
        if (filter.text() != null) {
            conditions.add("lower(name) like :text escape '\\'");
        }
        paging.after().ifPresent(cursor -> {
            String beyond = order.direction == Sort.Direction.Descending ? "<" : ">";
            conditions.add("(" + order.field + " " + beyond + " :afterValue or (" + order.field + " = :afterValue and id "
                    + beyond + " :afterId))");
        });
        return String.join(" and ", conditions);
    }

    Sort sort() {
        return Sort.by(order.field, order.direction).and("id", order.direction);
    }

    Parameters parameters() {
        Parameters parameters = Parameters.with("tenant", tenant);
        if (filter.category() != null) {
            parameters.and("category", filter.category());
        }
        if (filter.provider() != null) {
            parameters.and("provider", filter.provider());
        }
        if (filter.authType() != null) {
            parameters.and("authType", filter.authType());
        }
        if (filter.status() != null) {
            parameters.and("status", filter.status());
        }
        if (filter.environment() != null) {
            parameters.and("environment", filter.environment());
        }
        if (filter.text() != null) {
            parameters.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        paging.after().ifPresent(cursor -> parameters
                .and("afterValue", order.byName() ? cursor.value() : cursor.instant())
                .and("afterId", cursor.id()));
        return parameters;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
