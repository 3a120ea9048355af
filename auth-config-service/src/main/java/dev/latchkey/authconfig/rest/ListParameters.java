package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.authconfig.repository.AuthConfigQuery;
import dev.latchkey.authconfig.repository.AuthConfigQuery.Cursor;
import dev.latchkey.authconfig.repository.AuthConfigQuery.Filter;
import dev.latchkey.authconfig.repository.AuthConfigQuery.Order;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The list endpoint's query parameters, checked, as a query; and the opaque cursor of a page's end. */
final class ListParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final List<FieldError> errors = new ArrayList<>();

    private ListParameters() {
    }

    static AuthConfigQuery query(String tenant, String category, String provider, String type, String status,
            String environment, String text, String sort, String cursor, Integer limit) {
        var parameters = new ListParameters();
        var filter = new Filter(parameters.category(category), blankToNull(provider),
                CustomType.of(type).map(custom -> custom.authType().id()).orElse(blankToNull(type)),
                parameters.status(status), blankToNull(environment), blankToNull(text));
        Order order = sort == null ? Order.NEWEST : Order.of(sort).orElseGet(() -> {
            parameters.errors.add(new FieldError("sort", "must be one of -createdAt, createdAt, name, -name"));
            return Order.NEWEST;
        });
        Optional<Cursor> after = parameters.cursor(cursor, order);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            parameters.errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!parameters.errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", parameters.errors);
        }
        return new AuthConfigQuery(tenant, filter, order, after, size);
    }

    static String encode(Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.value() + "|" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Cursor> cursor(String cursor, Order order) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.lastIndexOf('|');
            String value = decoded.substring(0, bar);
            if (order.parameter().endsWith("createdAt")) {
                Instant.parse(value);
            }
            return Optional.of(new Cursor(value, UUID.fromString(decoded.substring(bar + 1))));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            errors.add(new FieldError("cursor", "is not a cursor this list gave out (or the sort changed)"));
            return Optional.empty();
        }
    }

    private AuthConfigCategory category(String category) {
        if (category == null) {
            return null;
        }
        try {
            return AuthConfigCategory.valueOf(category.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("category", "must be one of oauth2_provider, native_connector, custom"));
            return null;
        }
    }

    private AuthConfigStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return AuthConfigStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of ACTIVE, EXPIRED, ERROR"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
