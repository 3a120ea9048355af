package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.authconfig.repository.AuthConfigQuery;
import dev.latchkey.authconfig.repository.AuthConfigQuery.Filter;
import dev.latchkey.authconfig.repository.AuthConfigQuery.Order;
import dev.latchkey.platform.paging.PageRequest;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The list endpoint's query parameters, checked, as a query. */
final class ListParameters {

    private final List<FieldError> errors = new ArrayList<>();

    private ListParameters() {
    }

    static AuthConfigQuery query(String tenant, String category, String provider, String type, String status,
            String environment, String text, String sort, String cursor, String limit) {
        var parameters = new ListParameters();
        var filter = new Filter(parameters.category(category), blankToNull(provider),
                CustomType.of(type).map(custom -> custom.authType().id()).orElse(blankToNull(type)),
                parameters.status(status), blankToNull(environment), blankToNull(text));
        Order order = sort == null ? Order.NEWEST : Order.of(sort).orElseGet(() -> {
            parameters.errors.add(new FieldError("sort", "must be one of -createdAt, createdAt, name, -name"));
            return Order.NEWEST;
        });
        var paging = PageRequest.read(limit, cursor, order::keyset, parameters.errors);
        if (!parameters.errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", parameters.errors);
        }
        return new AuthConfigQuery(tenant, filter, order, paging);
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
